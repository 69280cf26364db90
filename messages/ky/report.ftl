command-report = Семинар боюнча отчёт жана пресс-релиз
report-pick = Отчёт: семинарды тандаңыз.
report-no-seminars = Азырынча семинар жок.
report-making = Отчёт даярдалууда…

## The summary for staff.
report-title = 📊 Отчёт: { $title }
report-invited = Чакырылган: { $invited } · жооп бергендер: { $answered } · келе тургандар: { $coming }
report-came = Белгиленгендер: { $checked_in } + Telegram'сыз: { $walk_ins } = бардыгы { $total } киши
report-came-none = Азырынча эч ким белгиленген эмес: пресс-релизде келе тургандардын саны ({ $coming }).
report-by-role = Кызмат орундары боюнча (чакырылган / келе турган / келген): { $list }
report-by-rayon = Райондор боюнча (чакырылган / келе турган / келген): { $list }
report-rayons = Райондор: чакырылган { $invited } райондун { $represented } катышты{ $all ->
        [yes] {" "}— бардыгы
       *[other] {""}
    }
report-questions = Суроолор: берилген { $asked }, жооп берилген { $answered }
report-topics = Эң көп сурашкан темалар: { $list }
report-feedback = Баа: { $average } ({ $count } жооп)
report-feedback-none = Баа азырынча жок.
report-no-rayon = району жок
report-walk-ins = Telegram'сыз

## The chart.
report-chart-title = { $title }: жазылгандар жана келгендер, райондор боюнча
report-chart-registered = Келе турган
report-chart-checked-in = Келген
report-chart-x = Район
report-chart-y = Киши
report-chart-no-data = Азырынча маалымат жок
report-chart-caption = { $title }: жазылгандар жана келгендер (Telegram'сыз келгендер өзүнчө)

## The workbook.
report-xlsx-caption = { $title }: катышуучулар, катышуу, суроолор, баалар
report-sheet-attendance = Катышуу
report-sheet-feedback = Баалар
report-col-role = Кызмат орду
report-col-rayon = Район
report-col-invited = Чакырылган
report-col-coming = Келе турган
report-col-checked-in = Келген
report-col-rating = Баа
report-col-comment = Пикир
report-total = Бардыгы
report-rating-average = Орточо баа
report-draft-caption = Пресс-релиздин долбоору ({ $code })

## The press release draft. Staff may edit everything below; keep the { $variables }.
# $date: «2019-жылдын 10-июлунда»; $roles: who took part, as a phrase; $region_of:
# «Жалал-Абад облусунун»; $rayons: «Аксы, Ала-Бука, …»; $all: yes when every invited rayon
# was represented; $topics: the most asked topics; $next: yes when another seminar follows.
press-release =
    Пресс-релиз
    «{ $title }»

    { $date } { $city } шаарында ({ $venue }) Швейцария Өкмөтү тарабынан Швейцариянын Өнүктүрүү жана кызматташтык боюнча агенттиги аркылуу каржыланган, ХЕЛЬВЕТАС жана Өнүктүрүү саясаты институтунан турган уюмдардын консорциуму тарабынан ишке ашырылып жаткан «Жергиликтүү деңгээлде кызмат көрсөтүүлөрдү жакшыртуу» долбоорунун алкагында «{ $title }» аттуу семинар болуп өттү.{ $has_organiser ->
        [yes] {" "}Семинарды { $organiser } уюштурду.
       *[no] {""}
    }

    { $role_count ->
        [0] Семинарга жалпысынан { $total } адам катышты.
       *[other] Семинарга { $roles } болуп, жалпысынан { $total } адам катышты.
    }{ $rayon_count ->
        [0] {""}
       *[other] {" "}Катышуучулар { $region_of } { $all ->
            [yes] бардык { $rayon_count } районунан
           *[other] { $rayon_count } районунан
        } келишти ({ $rayons }).
    }

    { $has_agenda ->
        [yes] Семинардын катышуучуларына төмөнкү маселелер боюнча презентациялар жасалып, толук маалымат берилди: { $agenda }
       *[no] Семинардын катышуучуларына долбоордун негизги максаттары жана милдеттери, муниципалитеттердин долбоорго катышуу мүмкүнчүлүктөрү тууралуу презентациялар жасалып, толук маалымат берилди.
    }

    { $asked ->
        [0] Семинардын катышуучулары өнөктөштүк шарттары жана катышуу мүмкүнчүлүктөрү тууралуу талкууга активдүү катышышты.
       *[other] Семинардын жүрүшүндө катышуучулар { $asked } суроо беришти, { $answered ->
            [0] аларга жооптор даярдалууда.
           *[other] алардын { $answered } суроосуна жооп берилди.
        }{ $topic_count ->
            [0] {""}
           *[other] {" "}Катышуучулар арасында { $topics } { $topic_count ->
                [1] маселеси
               *[other] маселелери
            } боюнча суроолор өзгөчө кызыгуу жаратты.
        }
    }{ $next ->
        [yes] {"\u000A"}{"\u000A"}Долбоордун өкүлдөрү { $next_date } { $next_city } шаарында кийинки семинарды («{ $next_title }») өткөрмөкчү.
       *[no] {""}
    }
press-date = { $year }-жылдын { $day }-{ $month ->
        [1] январында
        [2] февралында
        [3] мартында
        [4] апрелинде
        [5] майында
        [6] июнунда
        [7] июлунда
        [8] августунда
        [9] сентябрында
        [10] октябрында
        [11] ноябрында
       *[12] декабрында
    }
press-list-and = { $head } жана { $last }
press-role-ao_head = { $count ->
        [1] айыл өкмөтүнүн башчысы
       *[other] айыл өкмөт башчылары
    }
press-role-ao_deputy = { $count ->
        [1] айыл өкмөт башчысынын орун басары
       *[other] айыл өкмөт башчыларынын орун басарлары
    }
press-role-rayon_admin = { $count ->
        [1] райондук мамлекеттик администрациянын өкүлү
       *[other] райондук мамлекеттик администрациялардын өкүлдөрү
    }
press-role-oblast_admin = { $count ->
        [1] облустагы Өкмөттүн ыйгарым укуктуу өкүлүнүн аппаратынын өкүлү
       *[other] облустагы Өкмөттүн ыйгарым укуктуу өкүлүнүн аппаратынын өкүлдөрү
    }
press-role-state_agency = { $count ->
        [1] Жергиликтүү өз алдынча башкаруу иштери жана этностор аралык мамилелер боюнча мамлекеттик агенттигинин өкүлү
       *[other] Жергиликтүү өз алдынча башкаруу иштери жана этностор аралык мамилелер боюнча мамлекеттик агенттигинин өкүлдөрү
    }
press-role-project_staff = { $count ->
        [1] долбоордун өкүлү
       *[other] долбоордун өкүлдөрү
    }
press-role-other = { $count ->
        [1] башка бир катышуучу
       *[other] башка катышуучулар
    }
press-region-of-batken = Баткен облусунун
press-region-of-jalal-abad = Жалал-Абад облусунун
press-region-of-issyk-kul = Ысык-Көл облусунун
press-region-of-naryn = Нарын облусунун
press-region-of-osh = Ош облусунун
press-region-of-talas = Талас облусунун
press-region-of-chui = Чүй облусунун

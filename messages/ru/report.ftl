command-report = Отчёт и пресс-релиз по семинару
report-pick = Отчёт: выберите семинар.
report-no-seminars = Семинаров пока нет.
report-making = Готовлю отчёт…

## The summary for staff.
report-title = 📊 Отчёт: { $title }
report-invited = Приглашено: { $invited } · ответили: { $answered } · придут: { $coming }
report-came = Отметились: { $checked_in } + без Telegram: { $walk_ins } = всего { $total } { $total ->
        [one] человек
        [few] человека
       *[other] человек
    }
report-came-none = Пока никто не отмечен: в пресс-релизе число записавшихся ({ $coming }).
report-by-role = По должностям (приглашено / придут / пришли): { $list }
report-by-rayon = По районам (приглашено / придут / пришли): { $list }
report-rayons = Районы: представлено { $represented } из { $invited } приглашённых{ $all ->
        [yes] {" "}— все
       *[other] {""}
    }
report-questions = Вопросы: задано { $asked }, отвечено { $answered }
report-topics = Чаще всего спрашивали: { $list }
report-feedback = Оценка: { $average } ({ $count } { $count ->
        [one] ответ
        [few] ответа
       *[other] ответов
    })
report-feedback-none = Оценок пока нет.
report-no-rayon = без района
report-walk-ins = без Telegram

## The chart.
report-chart-title = { $title }: записались и пришли, по районам
report-chart-registered = Записались
report-chart-checked-in = Пришли
report-chart-x = Район
report-chart-y = Человек
report-chart-no-data = Данных пока нет
report-chart-caption = { $title }: записались и пришли (пришедшие без Telegram отдельно)

## The workbook.
report-xlsx-caption = { $title }: участники, посещаемость, вопросы, оценки
report-sheet-attendance = Посещаемость
report-sheet-feedback = Оценки
report-col-role = Должность
report-col-rayon = Район
report-col-invited = Приглашено
report-col-coming = Придут
report-col-checked-in = Пришли
report-col-rating = Оценка
report-col-comment = Отзыв
report-total = Всего
report-rating-average = Средняя оценка
report-draft-caption = Проект пресс-релиза ({ $code })

## The press release draft. Staff may edit everything below; keep the { $variables }.
# $date: «10 июля 2019 года»; $roles: who took part, as a phrase; $region_of:
# «Джалал-Абадской области»; $rayons: «Аксыйский, Ала-Букинский, …»; $all: yes when every
# invited rayon was represented; $topics: the most asked topics; $next: yes when another
# seminar follows.
press-release =
    Пресс-релиз
    «{ $title }»

    { $date } в городе { $city } ({ $venue }) в рамках проекта «Улучшение услуг на местном уровне», финансируемого Правительством Швейцарии через Швейцарское агентство по развитию и сотрудничеству и реализуемого консорциумом организаций в составе HELVETAS и Института политики развития, состоялся семинар «{ $title }».{ $has_organiser ->
        [yes] {" "}Организатор семинара: { $organiser }.
       *[no] {""}
    }

    { $role_count ->
        [0] Всего в семинаре приняли участие { $total } { $total ->
            [one] человек
            [few] человека
           *[other] человек
        }.
       *[other] В семинаре приняли участие { $roles } — всего { $total } { $total ->
            [one] человек
            [few] человека
           *[other] человек
        }.
    }{ $rayon_count ->
        [0] {""}
       *[other] {" "}Участники представляли { $all ->
            [yes] все { $rayon_count }
           *[other] { $rayon_count }
        } { $rayon_count ->
            [one] район
            [few] района
           *[other] районов
        } { $region_of }: { $rayons } { $rayon_count ->
            [1] район
           *[other] районы
        }.
    }

    { $has_agenda ->
        [yes] Участникам семинара были представлены презентации и дана подробная информация по следующим вопросам: { $agenda }
       *[no] Участникам семинара были представлены презентации об основных целях и задачах проекта и о возможностях участия муниципалитетов в проекте, дана подробная информация.
    }

    { $asked ->
        [0] Участники семинара активно обсуждали условия партнёрства и возможности участия.
       *[other] В ходе семинара участники задали { $asked } { $asked ->
            [one] вопрос
            [few] вопроса
           *[other] вопросов
        }; { $answered ->
            [0] ответы на них готовятся.
            [one] на { $answered } из них дан ответ.
           *[other] на { $answered } из них даны ответы.
        }{ $topic_count ->
            [0] {""}
           *[other] {" "}Наибольший интерес участников вызвали вопросы по { $topic_count ->
                [1] теме
               *[other] темам
            }: { $topics }.
        }
    }{ $next ->
        [yes] {"\u000A"}{"\u000A"}Следующий семинар («{ $next_title }») представители проекта планируют провести { $next_date } в городе { $next_city }.
       *[no] {""}
    }
press-date = { $day } { $month ->
        [1] января
        [2] февраля
        [3] марта
        [4] апреля
        [5] мая
        [6] июня
        [7] июля
        [8] августа
        [9] сентября
        [10] октября
        [11] ноября
       *[12] декабря
    } { $year } года
press-list-and = { $head } и { $last }
press-role-ao_head = { $count ->
        [1] глава айыл окмоту
       *[other] главы айыл окмоту
    }
press-role-ao_deputy = { $count ->
        [1] заместитель главы айыл окмоту
       *[other] заместители глав айыл окмоту
    }
press-role-rayon_admin = { $count ->
        [1] представитель районной государственной администрации
       *[other] представители районных государственных администраций
    }
press-role-oblast_admin = { $count ->
        [1] представитель аппарата полномочного представителя Правительства в области
       *[other] представители аппарата полномочного представителя Правительства в области
    }
press-role-state_agency = { $count ->
        [1] представитель Государственного агентства по делам местного самоуправления и межэтнических отношений
       *[other] представители Государственного агентства по делам местного самоуправления и межэтнических отношений
    }
press-role-project_staff = { $count ->
        [1] сотрудник проекта
       *[other] сотрудники проекта
    }
press-role-other = { $count ->
        [1] ещё один участник
       *[other] другие участники
    }
press-region-of-batken = Баткенской области
press-region-of-jalal-abad = Джалал-Абадской области
press-region-of-issyk-kul = Иссык-Кульской области
press-region-of-naryn = Нарынской области
press-region-of-osh = Ошской области
press-region-of-talas = Таласской области
press-region-of-chui = Чуйской области

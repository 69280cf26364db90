command-stats = Статистика жана өсүү графиги
stats-title = 📊 Статистика — { $date }
stats-registered = 👥 Катталгандар: { $count } адам
stats-active = ✅ Кабар алышат: { $count }
stats-blocked = 🚫 Ботту бөгөттөгөн: { $count }
stats-unsubscribed = 🔕 Кабардан баш тарткан (/stop): { $count }
stats-nobody = Азырынча эч ким катталган жок.
stats-by-region = Облус жана шаар боюнча (катталган / кабар алат):
stats-by-role = Кызмат орду боюнча (катталган / кабар алат):
stats-by-language = Тил боюнча (катталган / кабар алат):
stats-row = • { $name }: { $registered } / { $active }
stats-no-place = Жери көрсөтүлгөн эмес
stats-broadcasts-title = 📤 Акыркы жөнөтүүлөр (жеткирилди / жалпы; жеткиликсиз; ката):
stats-no-broadcasts = Азырынча жөнөтүү болгон жок.
stats-broadcast = • №{ $id } { $kind }, { $date }: { $sent } / { $total }; жеткиликсиз { $unreachable }; ката { $failed }
stats-broadcast-sending = ⏳ жөнөтүлүүдө
stats-broadcast-stopped = ⏹ токтотулган, { $stopped } адамга жөнөтүлгөн жок
stats-kind =
    { $kind ->
        [announcement] жарыя
        [broadcast] билдирүү
        [reminder] эскертме
        [feedback] пикир суроо
        [rsvp-nudge] жооп берүүнү эскертүү
        [seminar-changed] семинар өзгөрдү
        [seminar-cancelled] семинар жокко чыгарылды
        [group-announcement] топторго жарыя
       *[other] { $kind }
    }
stats-chart-title = Катталгандардын жалпы саны
stats-chart-x = Күн
stats-chart-y = Адам
stats-chart-no-data = Азырынча маалымат жок
stats-chart-caption = 📈 Катталгандардын өсүшү: { $count } адам ({ $date }).

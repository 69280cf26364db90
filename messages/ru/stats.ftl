command-stats = Статистика и график роста
stats-title = 📊 Статистика — { $date }
stats-registered =
    👥 Зарегистрировано: { $count } { $count ->
        [one] человек
        [few] человека
       *[other] человек
    }
stats-active = ✅ Получают объявления: { $count }
stats-blocked = 🚫 Заблокировали бота: { $count }
stats-unsubscribed = 🔕 Отписались (/stop): { $count }
stats-nobody = Пока никто не зарегистрировался.
stats-by-region = По областям и городам (зарегистрировано / получают объявления):
stats-by-role = По ролям (зарегистрировано / получают объявления):
stats-by-language = По языкам (зарегистрировано / получают объявления):
stats-row = • { $name }: { $registered } / { $active }
stats-no-place = Место не указано
stats-broadcasts-title = 📤 Последние рассылки (доставлено / всего; недоступны; ошибки):
stats-no-broadcasts = Рассылок пока не было.
stats-broadcast = • №{ $id } { $kind }, { $date }: { $sent } / { $total }; недоступны { $unreachable }; ошибки { $failed }
stats-broadcast-sending = ⏳ идёт отправка
stats-broadcast-stopped = ⏹ остановлена, не отправлено: { $stopped }
stats-kind =
    { $kind ->
        [announcement] объявление
        [broadcast] рассылка
        [reminder] напоминание
        [feedback] опрос после семинара
        [rsvp-nudge] напоминание ответить
        [seminar-changed] изменение семинара
        [seminar-cancelled] отмена семинара
        [group-announcement] объявление в группах
       *[other] { $kind }
    }
stats-chart-title = Число зарегистрированных, нарастающим итогом
stats-chart-x = Дата
stats-chart-y = Человек
stats-chart-no-data = Данных пока нет
stats-chart-caption =
    📈 Рост числа зарегистрированных: { $count } { $count ->
        [one] человек
        [few] человека
       *[other] человек
    } ({ $date }).

seminar-card-title = 📅 { $title }
seminar-when = 🗓 { $day }, { $start }–{ $end }
seminar-when-days = 🗓 { $day }, { $start } — { $end_day }, { $end }
seminar-where = 📍 { $city }, { $venue }
seminar-deadline = Ответить до: { $day }, { $time }
seminar-cancelled-mark = ❌ ОТМЕНЁН
seminar-agenda = 📋 Программа:
seminar-organiser = Организатор: { $organiser }
command-seminars = Семинары
command-new = Создать семинар
seminars-none-upcoming = Предстоящих семинаров пока нет.
seminars-upcoming-title = Предстоящие семинары:
seminars-you-are-invited = ✉️ Вы приглашены
seminars-add-to-calendar = 📅 Добавить в календарь
seminars-back-to-list = ← Все семинары
semadm-participant-view = 👁 Как видят участники
semadm-empty = Семинаров пока нет. Создать: /new
semadm-title = Семинары (страница { $page } из { $pages }):
semadm-legend = ✏️ изменить · 📣 объявить · ✖️ отменить
semadm-cancel-yes = ✖️ Да, отменить
semadm-cancel-no = Нет, оставить
semadm-cancel-confirm =
    Отменить этот семинар?

    { $card }
semadm-cancelled =
    ❌ Семинар отменён: { $title }
    Уведомление получат { $count } { $count ->
        [one] человек
        [few] человека
       *[other] человек
    }.
semadm-cancel-kept = Семинар не изменён.
seminar-changed-notice = ✏️ Изменились дата, время или место семинара. Актуально:
seminar-cancelled-notice = К сожалению, этот семинар не состоится.
seminar-notice-details = Подробнее
semadm-notify-offer = Семинар уже объявлен, а его дата, время или место изменились. Сообщить { $count } { $count ->
        [one] приглашённому
       *[other] приглашённым
    }?
semadm-notify-yes = 📣 Да, сообщить
semadm-notify-no = Нет
semadm-notify-skipped = Хорошо, никому не сообщаем.
semadm-notify-queued = Сообщение отправится { $count } { $count ->
        [one] человеку
       *[other] людям
    }.

announcement-heading = 📣 Приглашаем вас на семинар!
button-seminar-details = ℹ️ Подробнее
ann-audience-title = Кому отправить:
ann-audience-places = Место: { $places }
ann-audience-roles = Должность: { $roles }
ann-audience-languages = Язык: { $languages }
ann-audience-any = все
ann-audience-count = Получателей: { $total } (кыргызский { $ky }, русский { $ru })
ann-audience-whole = { $region } (вся)
button-audience-invited = 🎯 Приглашённые
button-audience-all = 👥 Все подписчики
button-audience-places = 📍 Места
button-audience-roles = 👤 Должности
button-audience-languages = 🗣 Языки
button-audience-rayons = { $region }: районы
button-done = ✔️ Готово
button-preview = 👁 Предпросмотр
ann-choose-places = Отметьте области (✅ — выбрано). Чтобы выбрать районы, нажмите «районы».
ann-choose-rayons = { $region }: отметьте районы.
ann-choose-roles = Отметьте должности. Если ничего не отмечено — все.
ann-choose-languages = Отметьте языки. Если ничего не отмечено — все.
ann-preview-language = Предпросмотр — { $language_name } ({ $count } { $count ->
        [one] человек
        [few] человека
       *[other] человек
    }):
ann-preview-confirm = Отправить? Получателей: { $total }.
button-send-to = 📤 Отправить ({ $total })
button-change-audience = ✏️ Изменить получателей
ann-nobody = Под этот выбор никто не подходит. Измените получателей.
ann-cancelled = Отправка отменена.
ann-sent = Отправка началась. Ход отправки — ниже.
ann-seminar-gone = Этот семинар не найден или отменён.
broadcast-ask-ky = Напишите текст на кыргызском (или один текст для всех).
broadcast-ask-ru = Теперь напишите текст на русском или нажмите кнопку, чтобы всем ушёл тот же текст.
button-same-text = Всем этот же текст
broadcast-too-long = Текст слишком длинный: { $length } { $length ->
        [one] знак
        [few] знака
       *[other] знаков
    }. Telegram допускает до { $max } { $max ->
        [one] знака
       *[other] знаков
    }. Сократите и пришлите снова.
broadcast-text-only = Пришлите, пожалуйста, только текст.

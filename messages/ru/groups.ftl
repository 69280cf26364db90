command-group = Зарегистрировать группу (отправьте в самой группе)
role-guest = Не зарегистрирован (из группы)
group-count-of = 👥 Придут: { $taken } из { $capacity } { $capacity ->
    [one] места
   *[other] мест
}
group-count = 👥 Придут: { $taken } { $taken ->
    [one] человек
    [few] человека
   *[other] человек
}
button-group-open-bot = 🤖 Открыть бота
group-rsvp-yes = ✅ Вы записаны: придёте.
group-rsvp-maybe = 🤔 Ответ сохранён: может быть.
group-rsvp-no = ❌ Ответ сохранён: не сможете.
group-rsvp-register = Ваш ответ учтён. Чтобы дополнить свои данные, откройте бота: { $link }
group-describe = { $place }, { $reads }
group-language-ky = по-кыргызски
group-language-ru = по-русски
group-language-both = на двух языках
group-added-staff = Бота добавили в группу «{ $title }» (ID { $chat }). Чтобы зарегистрировать её, сотрудник отправляет /group в этой группе.
group-not-registered = не зарегистрирована
group-register-title = Эта группа: { $current }. Выберите область:
button-group-off = ✖️ Не публиковать в этой группе
group-is-staff-chat = Это группа сотрудников, объявления сюда не отправляются.
group-unregistered = Регистрация группы снята: объявления сюда больше не отправляются.
group-choose-rayon = { $region }: выберите район или всю область.
group-choose-language = На каком языке публиковать объявления?
group-registered = ✅ Группа зарегистрирована: { $group }. Объявления семинаров для этих мест будут приходить и сюда.
group-ask-how = Напишите вопрос так: /ask текст вопроса
group-ask-too-long = Вопрос слишком длинный. Не больше { $max } символов.
group-ask-received = Вопрос №{ $number } принят. Ответ придёт сюда.
group-ask-received-here = Вопрос №{ $number } принят. Чтобы получить ответ лично, откройте бота, иначе ответ придёт в эту группу.
ann-groups-count = Группы: { $count } { $on ->
    [1] (объявление уйдёт и туда)
   *[other] (не отправляется)
}
button-ann-groups = Опубликовать и в группах ({ $count })
ann-preview-groups = В группах ({ $count }) объявление будет выглядеть так:
button-post-to-groups = 📤 Опубликовать в группах ({ $count })

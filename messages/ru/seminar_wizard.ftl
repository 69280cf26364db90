semnew-intro = Новый семинар. Ответьте на вопросы: ничего не сохранится, пока вы не нажмёте «Сохранить».
semnew-continue = Продолжим незаконченный семинар.
semnew-ask-title_ky = Напишите название семинара на кыргызском.
semnew-ask-title_ru = Напишите название семинара на русском.
semnew-ask-date = Дата семинара? Напишите в виде ДД.ММ.ГГГГ, например: 10.07.2027.
semnew-ask-start = Во сколько начало? Напишите в виде ЧЧ:ММ, например: 09:00.
semnew-ask-end = Во сколько окончание? Например: 17:00.
semnew-ask-city_ky = Город или село на кыргызском, например: Жалал-Абад.
semnew-ask-city_ru = Город или село на русском, например: Джалал-Абад.
semnew-ask-venue_ky = Место проведения на кыргызском, например: облустук мамлекеттик администрация.
semnew-ask-venue_ru = Место проведения на русском, например: областная государственная администрация.
semnew-ask-regions = Какие области приглашены? Отметьте кнопками (✅) и нажмите «Готово».
semnew-ask-rayons = Приглашены только некоторые районы? Отметьте их (✅) и нажмите «Готово». Если вся область — «Пропустить».
semnew-ask-roles = Кого приглашаем? Отметьте (✅) и нажмите «Готово». Если ничего не отмечено, приглашены все должности.
semnew-ask-capacity = Сколько мест? Напишите число или нажмите «Пропустить».
semnew-ask-deadline = Срок ответа: ДД.ММ.ГГГГ ЧЧ:ММ (например: 08.07.2027 18:00) или «Пропустить».
semnew-ask-desc_ky = Программа на кыргызском. Можно в несколько строк.
semnew-ask-desc_ru = Программа на русском. Можно в несколько строк.
semnew-ask-organiser = Организатор одной строкой (например: HELVETAS и Институт политики развития).
semnew-ask-fields = Что изменить?
semnew-current = Сейчас: { $value }
semnew-done = ✔ Готово
semnew-part-title = Название
semnew-part-when = Дата и время
semnew-part-place = Город и место
semnew-part-audience = Кого приглашаем
semnew-part-capacity = Число мест
semnew-part-deadline = Срок ответа
semnew-part-agenda = Программа
semnew-part-organiser = Организатор
semnew-places = Приглашены: { $places }
semnew-roles = Должности: { $roles }
semnew-any-role = все
semnew-capacity = Мест: { $capacity }
semnew-preview-as-seen = 👁 Так увидят участники ({ $name }):
semnew-preview-title = Проверьте. Если всё верно, нажмите «Сохранить».
semnew-change = ✏️ Изменить
semnew-cancelled = Создание семинара отменено, ничего не сохранено.
semnew-edit-cancelled = Изменения не сохранены.
semnew-created = ✅ Семинар сохранён: { $title }. Список: /seminars
semnew-saved = ✅ Изменения сохранены: { $title }.
semrule-empty = Здесь нужен текст с буквами. Напишите ещё раз.
semrule-too-long = Слишком длинно ({ $length } { $length ->
        [one] знак
        [few] знака
       *[other] знаков
    }). Сократите до { $max } { $max ->
        [one] знака
       *[other] знаков
    } и напишите ещё раз.
semrule-not-a-date = Напишите дату в виде ДД.ММ.ГГГГ, например: 10.07.2027.
semrule-no-such-date = Такой даты нет в календаре. Проверьте и напишите ещё раз.
semrule-not-a-time = Напишите время в виде ЧЧ:ММ, например: 09:00.
semrule-not-a-capacity = Напишите число мест цифрами (от 1 до { $max }).
semrule-past-date = Эта дата уже прошла. Напишите будущую дату.
semrule-past-time = Это время уже прошло. Напишите более позднее.
semrule-end-before-start = Окончание должно быть позже начала. Напишите время окончания ещё раз.
semrule-deadline-after-start = Срок ответа должен быть до начала семинара.
semrule-no-places = Выберите хотя бы одну область.

reg-welcome = Здравствуйте! Этот бот сообщает о семинарах проекта «Улучшение услуг на местном уровне», помогает зарегистрироваться и задать вопрос.
reg-choose-language = Выберите язык:
reg-choose-role = Выберите вашу должность:
reg-choose-region = Выберите область или город:
reg-choose-rayon = { $region }: выберите район:
reg-type-organisation = Напишите название вашего айыл окмоту (например: Кенеш).
reg-type-organisation-other = Напишите название вашей организации.
reg-known-organisations = Или выберите из списка:
reg-organisation-too-long = Название слишком длинное ({ $length } { $length ->
        [one] знак
        [few] знака
       *[other] знаков
    }). Сократите до { $max } { $max ->
        [one] знака
       *[other] знаков
    }.
reg-organisation-invalid = В названии должны быть буквы. Напишите ещё раз.
reg-organisation-did-you-mean = В списке есть «{ $known }». Вы имели в виду его?
button-yes-known = Да, { $known }
button-no-new = Нет, добавить «{ $typed }»
reg-share-phone = Поделитесь номером телефона? Его увидят только сотрудники проекта. Нажмите кнопку ниже.
button-share-phone = 📱 Отправить мой номер
reg-phone-not-own = Пожалуйста, отправьте свой номер кнопкой ниже.
reg-phone-invalid = Отправьте номер кнопкой или нажмите «Пропустить».
reg-phone-saved = Номер сохранён.
reg-phone-skipped = Хорошо, продолжим без номера.
reg-summary-title = Проверьте ваши данные:
field-language = Язык
field-role = Должность
field-region = Область
field-rayon = Район
field-organisation = Айыл окмоту или организация
field-phone = Телефон
button-confirm = ✅ Подтвердить
button-save = ✅ Сохранить
button-edit-lang = ✏️ Язык
button-edit-role = ✏️ Должность
button-edit-region = ✏️ Место
button-edit-org = ✏️ Название
button-edit-phone = ✏️ Телефон
reg-done = Готово, вы зарегистрированы! Объявления о семинарах будут приходить сюда. Команды: /help
reg-saved = Изменения сохранены.
reg-cancelled = Регистрация отменена. Начать заново: /start
settings-cancelled = Изменения не сохранены.
reg-continue = Продолжим с того места, где остановились.
reg-already = Вы уже зарегистрированы. Изменить данные: /settings
reg-resubscribed = С возвращением! Вы снова будете получать объявления о семинарах.
reg-invitation-invalid = Эта ссылка-приглашение недействительна. Можно зарегистрироваться обычным образом.
reg-invitation-used = По приглашению: { $place }

command-start = Регистрация или повторная подписка
command-settings = Изменить мои данные
command-language = Сменить язык
command-stop = Отписаться от объявлений
command-help = Список команд
command-invite = Создать ссылку-приглашение
help-participant =
    Команды:
    /start — регистрация или повторная подписка
    /settings — изменить ваши данные
    /language — сменить язык
    /stop — отписаться от объявлений
    /help — этот список
help-staff =
    Для сотрудников:
    /invite — создать ссылку-приглашение с областью и районом
language-switched = Язык изменён: русский.
button-switch-language = Кыргыз тилине которуу
stop-done = Вы отписались от объявлений. Подписаться снова: /start
stop-already = Вы уже отписаны от объявлений. Подписаться снова: /start

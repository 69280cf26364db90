command-start = Катталуу же кайра жазылуу
command-settings = Маалыматымды өзгөртүү
command-language = Тилди алмаштыруу
command-stop = Кабарлардан баш тартуу
command-help = Буйруктардын тизмеси
command-invite = Чакыруу шилтемесин түзүү
help-participant =
    Буйруктар:
    /start — катталуу же кайра жазылуу
    /settings — маалыматыңызды өзгөртүү
    /language — тилди алмаштыруу
    /stop — кабарлардан баш тартуу
    /help — ушул тизме
help-staff =
    Кызматкерлер үчүн:
    /invite — облус жана район көрсөтүлгөн чакыруу шилтемесин түзүү
language-switched = Тил алмашты: Кыргызча.
button-switch-language = Русский тилге которуу
stop-done = Кабарлар токтотулду. Кайра жазылуу үчүн: /start
stop-already = Сиз кабарлардан мурунтан эле баш тарткансыз. Кайра жазылуу үчүн: /start

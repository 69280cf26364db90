invite-choose-region = Чакыруу: облусту же шаарды тандаңыз.
invite-choose-rayon = Чакыруу ({ $region }): районду тандаңыз.
button-whole-region = Бүт облус
invite-choose-role = Чакыруу ({ $place }): кызмат ордун тандаңыз.
button-any-role = Каалаган кызмат орду
invite-link =
    Чакыруу шилтемеси даяр.
    Жер: { $place }
    Кызмат орду: { $role }
    { $link }
    Бул шилтеме аркылуу келгендер облусту, районду (жана кызмат ордун) кайра тандабайт.

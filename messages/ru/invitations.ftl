invite-choose-region = Приглашение: выберите область или город.
invite-choose-rayon = Приглашение ({ $region }): выберите район.
button-whole-region = Вся область
invite-choose-role = Приглашение ({ $place }): выберите должность.
button-any-role = Любая должность
invite-link =
    Ссылка-приглашение готова.
    Место: { $place }
    Должность: { $role }
    { $link }
    Кто придёт по этой ссылке, не будет заново выбирать область, район (и должность).

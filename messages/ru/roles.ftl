role-ao_head = Глава айыл окмоту
role-ao_deputy = Заместитель главы айыл окмоту
role-rayon_admin = Районная госадминистрация
role-oblast_admin = Областная администрация (аппарат полпреда)
role-state_agency = Госагентство по делам МСУ и межэтнических отношений
role-project_staff = Сотрудник проекта
role-other = Другое

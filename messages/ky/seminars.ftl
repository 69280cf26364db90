seminar-card-title = 📅 { $title }
seminar-when = 🗓 { $day }, { $start }–{ $end }
seminar-when-days = 🗓 { $day }, { $start } — { $end_day }, { $end }
seminar-where = 📍 { $city }, { $venue }
seminar-deadline = Жооп берүү мөөнөтү: { $day }, { $time }
seminar-cancelled-mark = ❌ ЖОККО ЧЫГАРЫЛДЫ
seminar-agenda = 📋 Күн тартиби:
seminar-organiser = Уюштуруучу: { $organiser }
command-seminars = Семинарлар
command-new = Жаңы семинар түзүү
seminars-none-upcoming = Азырынча алдыда семинар жок.
seminars-upcoming-title = Алдыдагы семинарлар:
seminars-you-are-invited = ✉️ Сиз чакырылгансыз
seminars-add-to-calendar = 📅 Календарга кошуу
seminars-back-to-list = ← Бардык семинарлар
semadm-participant-view = 👁 Катышуучулар көргөндөй
semadm-empty = Азырынча семинар жок. Жаңысын түзүү: /new
semadm-title = Семинарлар ({ $page }/{ $pages }-бет):
semadm-legend = ✏️ өзгөртүү · 📣 жарыялоо · ✖️ жокко чыгаруу
semadm-cancel-yes = ✖️ Ооба, жокко чыгаруу
semadm-cancel-no = Жок, калтыруу
semadm-cancel-confirm =
    Бул семинарды жокко чыгарасызбы?

    { $card }
semadm-cancelled = ❌ Семинар жокко чыгарылды: { $title }
    Чакырылган { $count } адамга кабар жөнөтүлөт.
semadm-cancel-kept = Семинар өзгөргөн жок.
seminar-changed-notice = ✏️ Семинардын күнү, убактысы же жери өзгөрдү. Жаңы маалымат:
seminar-cancelled-notice = Кечиресиз, бул семинар болбойт.
seminar-notice-details = Толугураак
semadm-notify-offer = Бул семинар жарыяланган, анын күнү, убактысы же жери өзгөрдү. Чакырылган { $count } адамга кабарлайлыбы?
semadm-notify-yes = 📣 Ооба, кабарлоо
semadm-notify-no = Жок
semadm-notify-skipped = Макул, эч кимге кабар жөнөтүлгөн жок.
semadm-notify-queued = Кабар { $count } адамга жөнөтүлөт.

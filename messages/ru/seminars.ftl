seminar-card-title = 📅 { $title }
seminar-when = 🗓 { $day }, { $start }–{ $end }
seminar-when-days = 🗓 { $day }, { $start } — { $end_day }, { $end }
seminar-where = 📍 { $city }, { $venue }
seminar-deadline = Ответить до: { $day }, { $time }
seminar-cancelled-mark = ❌ ОТМЕНЁН

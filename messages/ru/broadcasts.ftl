broadcast-progress =
    📤 Отправка: { $done } из { $total }
    Доставлено: { $sent }
    Недоступны: { $unreachable }
    Ошибки: { $failed }
    Осталось: ~{ $left }
broadcast-time-left = { $minutes } мин { $seconds } с
broadcast-waiting-quiet = 🌙 Тихие часы. Отправка начнётся в { $time }.
broadcast-finished =
    ✅ Отправка завершена: доставлено { $sent } из { $total }.
    Недоступны: { $unreachable }
    Ошибки: { $failed }
broadcast-stopped =
    ⏹ Отправка остановлена: доставлено { $sent } из { $total }, не отправлено: { $stopped }.
    Недоступны: { $unreachable }
    Ошибки: { $failed }
button-stop-broadcast = ⏹ Остановить
broadcast-unreached-title = Не получили сообщение (свяжитесь с ними по телефону):
broadcast-unreached-place = { $place }: { $count }
broadcast-unreached-nowhere = Место не указано
broadcast-reason-unreachable = заблокировал бота
broadcast-reason-failed = не отправлено (ошибка)
broadcast-reason-stopped = не отправлено из-за остановки
broadcast-stop-done = Остановлено.

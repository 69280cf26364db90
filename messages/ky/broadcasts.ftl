broadcast-progress =
    📤 Жөнөтүлүүдө: { $done } / { $total }
    Жеткирилди: { $sent }
    Жеткиликсиз: { $unreachable }
    Ката: { $failed }
    Калды: ~{ $left }
broadcast-time-left = { $minutes } мүн. { $seconds } сек.
broadcast-waiting-quiet = 🌙 Тынч саат. Жөнөтүү саат { $time } башталат.
broadcast-finished =
    ✅ Жөнөтүү бүттү: { $sent } / { $total } жеткирилди.
    Жеткиликсиз: { $unreachable }
    Ката: { $failed }
broadcast-stopped =
    ⏹ Жөнөтүү токтотулду: { $sent } / { $total } жеткирилди, { $stopped } адамга жөнөтүлгөн жок.
    Жеткиликсиз: { $unreachable }
    Ката: { $failed }
button-stop-broadcast = ⏹ Токтотуу
broadcast-unreached-title = Жеткирилбегендер (алар менен телефон аркылуу байланышыңыз):
broadcast-unreached-place = { $place }: { $count }
broadcast-unreached-nowhere = Жери көрсөтүлгөн эмес
broadcast-reason-unreachable = ботту бөгөттөгөн
broadcast-reason-failed = жөнөтүлгөн жок (ката)
broadcast-reason-stopped = токтотулгандыктан жөнөтүлгөн жок
broadcast-stop-done = Токтотулду.

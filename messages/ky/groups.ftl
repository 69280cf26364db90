command-group = Топту каттоо (топтун ичинде жөнөтүңүз)
role-guest = Катталган эмес (топтон)
group-count-of = 👥 Келет: { $taken } / { $capacity } орун
group-count = 👥 Келет: { $taken } киши
button-group-open-bot = 🤖 Ботту ачуу
group-rsvp-yes = ✅ Жазылдыңыз: келесиз.
group-rsvp-maybe = 🤔 Жообуңуз сакталды: балким.
group-rsvp-no = ❌ Жообуңуз сакталды: келе албайсыз.
group-rsvp-register = Жообуңуз эсептелди. Маалыматыңызды толуктоо үчүн ботту ачыңыз: { $link }
group-describe = { $place }, { $reads }
group-language-ky = кыргызча
group-language-ru = орусча
group-language-both = эки тилде
group-added-staff = Бот «{ $title }» тобуна кошулду (ID { $chat }). Аны каттоо үчүн кызматкер ошол топто /group жөнөтөт.
group-not-registered = катталган эмес
group-register-title = Бул топ: { $current }. Облусту тандаңыз:
button-group-off = ✖️ Бул топко жарыялабоо
group-is-staff-chat = Бул — кызматкерлердин тобу, ага жарыялар жөнөтүлбөйт.
group-unregistered = Топ каттоодон чыгарылды: мындан ары бул жерге жарыялар жөнөтүлбөйт.
group-choose-rayon = { $region }: районду же бүт облусту тандаңыз.
group-choose-language = Жарыялар кайсы тилде болсун?
group-registered = ✅ Топ катталды: { $group }. Бул жерлерге семинар жарыяланганда, жарыя бул топко да келет.
group-ask-how = Сурооңузду ушундай жазыңыз: /ask сурооңуздун тексти
group-ask-too-long = Суроо өтө узун. Эң көп дегенде { $max } белги.
group-ask-received = №{ $number } суроо кабыл алынды. Жооп ушул жерге келет.
group-ask-received-here = №{ $number } суроо кабыл алынды. Жоопту жеке алуу үчүн ботту ачыңыз, болбосо жооп ушул топко келет.
ann-groups-count = Топтор: { $count } { $on ->
    [1] (жарыя аларга да жөнөтүлөт)
   *[other] (жөнөтүлбөйт)
}
button-ann-groups = Топторго да жарыялоо ({ $count })
ann-preview-groups = Топторго ({ $count }) жарыя мындай көрүнөт:
button-post-to-groups = 📤 Топторго жарыялоо ({ $count })

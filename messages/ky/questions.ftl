command-ask = Суроо берүү
command-myquestions = Менин суроолорум жана жооптор
command-faq = Семинарлар боюнча суроо-жооптор
command-questions = Суроолордун кезеги

## Asking
button-ask = ❓ Суроо берүү
ask-choose-seminar = Сурооңуз кайсы семинар боюнча?
button-general-question = Жалпы суроо
ask-general = Жалпы суроо
ask-seminar = Семинар: { $title }
ask-write =
    { $seminar }
    Сурооңузду бир билдирүү менен жазыңыз ({ $limit } белгиге чейин). Үн билдирүү же жазуусу бар сүрөт да болот.
ask-empty = Суроо бош. Суроонун текстин жазыңыз.
ask-too-long = Өтө узун: { $length } белги, { $limit } белгиге чейин болот. Кыскартып, кайра жөнөтүңүз.
ask-photo-caption = Сүрөткө суроонун өзүн жазуу кылып кошуп, кайра жөнөтүңүз.
ask-rate-limit = Бир саатта { $limit } суроо гана берүүгө болот. Бир аздан кийин кайра аракет кылыңыз.
ask-anonymity = Суроо менен атыңыз көрсөтүлсүнбү?
ask-anonymous-explained = Анонимдүү: атыңызды башка катышуучулар көрбөйт жана ал жарыяланган жоопторго чыкпайт. Долбоордун кызматкерлери сизге жооп берүү үчүн ким сураганын баары бир көрүшөт.
button-ask-named = Атым менен
button-ask-anonymous = 🕶 Анонимдүү
ask-named-mark = Атыңыз менен
ask-anonymous-mark = 🕶 Анонимдүү
ask-voice = 🎤 үн билдирүү
ask-photo = 🖼 сүрөт
ask-confirm =
    Сурооңузду текшериңиз:
    { $seminar }
    { $anonymity }

    { $text }
button-ask-send = ✅ Жөнөтүү
ask-sent = №{ $number } суроо жөнөтүлдү. Жооп ушул жерге келет. Сурооңуздар: /myquestions
ask-cancelled = Суроо жөнөтүлгөн жок.

## What the asker receives
answer-to-asker =
    💬 №{ $number } сурооңузга жооп
    «{ $question }»

    { $answer }

    Дагы суроо болсо, ушул билдирүүгө жооп жазыңыз.
answer-on-stage-to-asker =
    🎤 №{ $number } сурооңузга семинарда жооп берилди.
    «{ $question }»
rejected-to-asker =
    №{ $number } суроо кабыл алынган жок.
    «{ $question }»
    Себеби: { $reason }
followup-added = №{ $number } суроого кошулду. Кызматкерлер жооп беришет.
followup-closed = №{ $number } суроо жабылган. Жаңы суроо бериңиз: /ask

## /myquestions and /my
my-questions-none = Сиз азырынча суроо берген жоксуз. Суроо берүү: /ask
my-questions-title = Сиздин суроолоруңуз:
my-question-line = №{ $number } · { $status } · { $text }
my-question-answer = ↳ { $answer }
status-open = жооп күтүүдө
status-answered = жооп берилди
status-rejected = кабыл алынган жок
status-duplicate = жооп окшош суроо менен бирге келет
my-questions-summary =
    Суроолоруңуз: { $total }, жооп берилгени: { $answered }. Толугураак: /myquestions

## The staff card
q-card-title = ❓ №{ $number } суроо
q-card-followup-title = ↩️ №{ $number } суроого толуктоо
q-card-asker = Ким: { $name } — { $role }
q-card-anonymous = 🕶 Анонимдүү сурады: катышуучуларга аты көрсөтүлбөйт.
q-card-place = { $place }
q-card-topic = 🏷 { $topic }
q-card-support = 👍 { $count }
q-card-claimed = ✍️ { $name } жооп жазып жатат
q-card-answered = ✅ Жооп: { $name }, { $when }
q-card-on-stage = 🎤 Семинарда жооп берилди: { $name }, { $when }
q-card-undelivered = ⚠️ Жооп жеткен жок: катышуучу ботту бөгөттөгөн. Жооп сакталды.
q-card-rejected = 🚫 Четке кагылды: { $reason }
q-card-duplicate = 🔁 №{ $number } суроонун кайталоосу
q-card-shared = 👁 Катышуучуларга көрүнөт
q-card-in-faq = 📚 FAQга жарыяланды
q-card-followup = ↩️ { $text }
q-card-answer = 💬 { $text }
button-q-answer = ✍️ Жооп берүү
button-q-reject = 🚫 Четке кагуу
button-q-duplicate = 🔁 Кайталоо…
button-q-topic = 🏷 Тема
button-q-share = 👁 Катышуучуларга көрсөтүү
button-q-unshare = Катышуучулардан жашыруу
button-q-faq = 📚 FAQга
button-q-unfaq = FAQдан алып салуу
button-q-stage = 🎤 Семинарда жооп берилди
q-answer-prompt = { $name }, №{ $number } суроого жоопту ушул билдирүүгө жооп катары жазыңыз.
q-reject-prompt = { $name }, №{ $number } суроону четке кагуунун себебин ушул билдирүүгө жооп катары жазыңыз. Аны суроонун ээси көрөт.
q-claimed-by-other = №{ $number } суроого { $name } жооп жазып жатат.
q-closed = №{ $number } суроо жабылган.
q-answer-sent = №{ $number } суроого жооп жөнөтүлдү.
q-rejected = №{ $number } суроо четке кагылды, ээси себебин алды.
q-answer-undelivered = ⚠️ №{ $number } суроого жооп жеткен жок: катышуучу ботту бөгөттөгөн. Жооп сакталды, аны FAQга жарыялоого болот.
q-choose-duplicate = №{ $number } суроо кайсы суроону кайталайт?
q-no-duplicate-candidates = Бул семинар боюнча башка суроо жок.
q-merged = №{ $number } суроо №{ $original } менен бириктирилди.
q-choose-topic = №{ $number } суроонун темасы:
q-text-empty = Бош текст жөнөтүлгөн жок. Текст жазыңыз.
q-text-too-long = Өтө узун: { $length } белги, { $limit } белгиге чейин болот.
q-faq-needs-answer = Адегенде суроого текст менен жооп бериңиз.
q-shared = №{ $number } суроо катышуучуларга көрүнөт.
q-unshared = №{ $number } суроо катышуучулардан жашырылды.
q-published = №{ $number } суроо FAQга жарыяланды.
q-unpublished = №{ $number } суроо FAQдан алынды.
q-tagged = №{ $number } темасы: { $topic }

## /questions and the digest
q-queue-title = Ачык суроолор: { $count }
q-queue-empty = Ачык суроо жок.
q-queue-line = №{ $number } · 👍{ $support } · { $when } · { $seminar }: { $text }
q-queue-topics = Темалар боюнча: { $counts }
q-queue-more = …дагы { $count }
q-filter-all-seminars = Бардык семинарлар
q-filter-all-topics = Бардык темалар
q-digest-title = { $hours } сааттан ашык жооп күткөн суроолор: { $count }
topic-none = темасыз
topic-intermunicipal = Муниципалитеттер аралык кызматташтык
topic-budget = Жергиликтүү бюджет
topic-land = Жер
topic-water = Суу менен камсыздоо
topic-waste = Таштандылар
topic-other = Башка

## /faq and shared questions
faq-choose = Суроо-жооптор: семинарды тандаңыз.
faq-none = Азырынча жарыяланган суроо жок.
faq-title = 📚 { $seminar }
faq-item =
    ❓ { $question }
    💬 { $answer }
faq-asked-by = — { $name }
faq-empty = Бул семинар боюнча жарыяланган жооп азырынча жок.
faq-more = …дагы { $count }
button-faq-shared = 👍 Катышуучулардын суроолору ({ $count })
shared-title = { $seminar }: катышуучулардын суроолору. Сизде да ушундай суроо болсо, анын номери менен 👍 басыңыз.
shared-item = №{ $number } · 👍{ $support } · { $text } — { $asker }
shared-none = Колдоо үчүн суроо азырынча жок.
anonymous-asker = аноним
button-support = 👍 №{ $number }
support-counted = Эсепке алынды. Бул суроо { $count } кишиде бар.
support-already = Сиз бул суроону белгилегенсиз.
support-own = Бул өзүңүздүн сурооңуз.

## The questions sheet of /export
export-q-number = №
export-q-question = Суроо
export-q-asker = Ким сурады
export-q-seminar = Семинар
export-q-topic = Тема
export-q-status = Абалы
export-q-answer = Жооп
export-q-answered-by = Ким жооп берди
export-q-answered-at = Качан
export-q-support = Колдогондор

## Translations for /faq
button-q-translate = 🌐 Котормо
q-translate-prompt =
    { $name }, №{ $number } суроону жана жоопту { $target } тилинде ушул билдирүүгө жооп катары жазыңыз: адегенде суроо, анан --- сабы, анан жооп.
q-translate-format = Мындай болушу керек: суроо, анан --- сабы, анан жооп. Кайра жөнөтүңүз.
q-translated = №{ $number } суроонун котормосу сакталды: FAQда аны башка тилдеги окурмандар көрөт.
q-card-translation =
    🌐 { $question }
    💬 { $answer }
q-target-ky = кыргыз
q-target-ru = орус

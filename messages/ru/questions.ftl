command-ask = Задать вопрос
command-myquestions = Мои вопросы и ответы
command-faq = Вопросы и ответы по семинарам
command-questions = Очередь вопросов

## Asking
button-ask = ❓ Задать вопрос
ask-choose-seminar = О каком семинаре ваш вопрос?
button-general-question = Общий вопрос
ask-general = Общий вопрос
ask-seminar = Семинар: { $title }
ask-write =
    { $seminar }
    Напишите вопрос одним сообщением (до { $limit } знаков). Можно голосовым сообщением или фото с подписью.
ask-empty = Вопрос пустой. Напишите текст вопроса.
ask-too-long = Слишком длинно: { $length } знаков, можно до { $limit }. Сократите и отправьте снова.
ask-photo-caption = Добавьте к фото подпись с самим вопросом и отправьте снова.
ask-rate-limit =
    { $limit ->
        [one] За час можно задать { $limit } вопрос.
        [few] За час можно задать { $limit } вопроса.
       *[other] За час можно задать { $limit } вопросов.
    } Попробуйте позже.
ask-anonymity = Показывать ваше имя с вопросом?
ask-anonymous-explained = Анонимно: ваше имя не увидят другие участники, и его не будет в опубликованных ответах. Сотрудники проекта всё же видят, кто спросил, чтобы ответить вам.
button-ask-named = С моим именем
button-ask-anonymous = 🕶 Анонимно
ask-named-mark = С вашим именем
ask-anonymous-mark = 🕶 Анонимно
ask-voice = 🎤 голосовое сообщение
ask-photo = 🖼 фото
ask-confirm =
    Проверьте вопрос:
    { $seminar }
    { $anonymity }

    { $text }
button-ask-send = ✅ Отправить
ask-sent = Вопрос №{ $number } отправлен. Ответ придёт сюда. Ваши вопросы: /myquestions
ask-cancelled = Вопрос не отправлен.

## What the asker receives
answer-to-asker =
    💬 Ответ на ваш вопрос №{ $number }
    «{ $question }»

    { $answer }

    Если остались вопросы, ответьте на это сообщение.
answer-on-stage-to-asker =
    🎤 На ваш вопрос №{ $number } ответили на семинаре.
    «{ $question }»
rejected-to-asker =
    Вопрос №{ $number } не принят.
    «{ $question }»
    Причина: { $reason }
followup-added = Добавлено к вопросу №{ $number }. Сотрудники ответят.
followup-closed = Вопрос №{ $number } закрыт. Задайте новый: /ask

## /myquestions and /my
my-questions-none = Вы ещё не задавали вопросов. Задать: /ask
my-questions-title = Ваши вопросы:
my-question-line = №{ $number } · { $status } · { $text }
my-question-answer = ↳ { $answer }
status-open = ждёт ответа
status-answered = есть ответ
status-rejected = не принят
status-duplicate = ответ придёт вместе с похожим вопросом
my-questions-summary =
    Ваши вопросы: { $total }, с ответом: { $answered }. Подробно: /myquestions

## The staff card
q-card-title = ❓ Вопрос №{ $number }
q-card-followup-title = ↩️ Дополнение к вопросу №{ $number }
q-card-asker = От: { $name } — { $role }
q-card-anonymous = 🕶 Просит анонимности: участникам имя не показывается.
q-card-place = { $place }
q-card-topic = 🏷 { $topic }
q-card-support = 👍 { $count }
q-card-claimed = ✍️ Отвечает { $name }
q-card-answered = ✅ Ответ: { $name }, { $when }
q-card-on-stage = 🎤 Отвечено на семинаре: { $name }, { $when }
q-card-undelivered = ⚠️ Ответ не доставлен: участник заблокировал бота. Ответ сохранён.
q-card-rejected = 🚫 Отклонён: { $reason }
q-card-duplicate = 🔁 Дубликат вопроса №{ $number }
q-card-shared = 👁 Виден участникам
q-card-in-faq = 📚 Опубликован в FAQ
q-card-followup = ↩️ { $text }
q-card-answer = 💬 { $text }
button-q-answer = ✍️ Ответить
button-q-reject = 🚫 Отклонить
button-q-duplicate = 🔁 Дубликат…
button-q-topic = 🏷 Тема
button-q-share = 👁 Показать участникам
button-q-unshare = Скрыть от участников
button-q-faq = 📚 В FAQ
button-q-unfaq = Убрать из FAQ
button-q-stage = 🎤 Ответили на семинаре
q-answer-prompt = { $name }, напишите ответ на вопрос №{ $number } ответом на это сообщение.
q-reject-prompt = { $name }, напишите причину отказа по вопросу №{ $number } ответом на это сообщение. Её увидит автор.
q-claimed-by-other = На вопрос №{ $number } уже отвечает { $name }.
q-closed = Вопрос №{ $number } уже закрыт.
q-answer-sent = Ответ на №{ $number } отправлен.
q-rejected = Вопрос №{ $number } отклонён, автор получил причину.
q-answer-undelivered = ⚠️ Ответ на №{ $number } не доставлен: участник заблокировал бота. Ответ сохранён, его можно опубликовать в FAQ.
q-choose-duplicate = Вопрос №{ $number } повторяет какой?
q-no-duplicate-candidates = Других вопросов по этому семинару нет.
q-merged = №{ $number } объединён с №{ $original }.
q-choose-topic = Тема вопроса №{ $number }:
q-text-empty = Пустой текст не отправлен. Напишите текст.
q-text-too-long = Слишком длинно: { $length } знаков, можно до { $limit }.
q-faq-needs-answer = Сначала ответьте на вопрос текстом.
q-shared = Вопрос №{ $number } виден участникам.
q-unshared = Вопрос №{ $number } скрыт от участников.
q-published = Вопрос №{ $number } опубликован в FAQ.
q-unpublished = Вопрос №{ $number } убран из FAQ.
q-tagged = Тема №{ $number }: { $topic }

## /questions and the digest
q-queue-title = Открытые вопросы: { $count }
q-queue-empty = Открытых вопросов нет.
q-queue-line = №{ $number } · 👍{ $support } · { $when } · { $seminar }: { $text }
q-queue-topics = По темам: { $counts }
q-queue-more = …и ещё { $count }
q-filter-all-seminars = Все семинары
q-filter-all-topics = Все темы
q-digest-title =
    { $hours ->
        [one] Без ответа дольше { $hours } часа: { $count }
       *[other] Без ответа дольше { $hours } часов: { $count }
    }
topic-none = без темы
topic-intermunicipal = Межмуниципальное сотрудничество
topic-budget = Местный бюджет
topic-land = Земля
topic-water = Водоснабжение
topic-waste = Отходы
topic-other = Другое

## /faq and shared questions
faq-choose = Вопросы и ответы: выберите семинар.
faq-none = Пока нет опубликованных вопросов.
faq-title = 📚 { $seminar }
faq-item =
    ❓ { $question }
    💬 { $answer }
faq-asked-by = — { $name }
faq-empty = По этому семинару опубликованных ответов пока нет.
faq-more = …и ещё { $count }
button-faq-shared = 👍 Вопросы участников ({ $count })
shared-title = { $seminar }: вопросы участников. Если у вас такой же вопрос, нажмите 👍 с его номером.
shared-item = №{ $number } · 👍{ $support } · { $text } — { $asker }
shared-none = Вопросов для поддержки пока нет.
anonymous-asker = аноним
button-support = 👍 №{ $number }
support-counted =
    Учтено. { $count ->
        [one] Этот вопрос есть у { $count } человека.
       *[other] Этот вопрос есть у { $count } человек.
    }
support-already = Вы уже отметили этот вопрос.
support-own = Это ваш вопрос.

## The questions sheet of /export
export-q-number = №
export-q-question = Вопрос
export-q-asker = Автор
export-q-seminar = Семинар
export-q-topic = Тема
export-q-status = Статус
export-q-answer = Ответ
export-q-answered-by = Ответил(а)
export-q-answered-at = Когда
export-q-support = Поддержали

## Translations for /faq
button-q-translate = 🌐 Перевод
q-translate-prompt =
    { $name }, напишите вопрос №{ $number } и ответ на { $target } языке ответом на это сообщение: сначала вопрос, затем строка ---, затем ответ.
q-translate-format = Нужно так: вопрос, затем строка ---, затем ответ. Отправьте ещё раз.
q-translated = Перевод вопроса №{ $number } сохранён: в FAQ его увидят читатели на другом языке.
q-card-translation =
    🌐 { $question }
    💬 { $answer }
q-target-ky = кыргызском
q-target-ru = русском

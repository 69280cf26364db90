error-staff-notice = ⚠️ Ботто ката: { $error } (жаңыртуу { $update }). { $suppressed ->
        [0] Толугу логдо.
       *[other] Мындан мурун дагы { $suppressed } ката болду. Толугу логдо.
    }

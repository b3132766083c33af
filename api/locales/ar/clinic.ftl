# تقرير Dermis السريري (متوافق مع SKINN AI) — العربية.
# الأرقام تصل بالأرقام العربية المشرقية (٠١٢٣…) من المنسِّق؛ علامة النسبة المئوية: ٪.

## مجالات الأولوية
area-acne = السيطرة على حب الشباب
area-wrinkles = الخطوط الدقيقة والتجاعيد
area-redness = الاحمرار والحساسية
area-texture = تحسين ملمس البشرة
area-pores = العناية بالمسام
area-dark-circles = الهالات السوداء
area-oiliness = التحكم في إفراز الدهون
area-firmness = شدّ البشرة ومحيط الوجه
area-eye-bags = أكياس تحت العينين
area-hydration = الترطيب ودعم حاجز البشرة

## النتائج
cond-acne = { $severity ->
    [mild] نشاط خفيف لحب الشباب (الآفات الظاهرة: { $count })
    [moderate] نشاط متوسط لحب الشباب (الآفات الظاهرة: { $count })
   *[marked] نشاط واضح لحب الشباب (الآفات الظاهرة: { $count })
}
cond-wrinkles = { $severity ->
    [mild] خطوط خفيفة
    [moderate] خطوط متوسطة
   *[marked] خطوط واضحة
} ({ $region ->
    [forehead] الجبهة
    [crow-feet] أقدام الغراب
    [nasolabial] الطيّات الأنفية الشفوية
   *[glabella] خطوط العبوس بين الحاجبين
})
cond-redness = { $severity ->
    [mild] احمرار منتشر خفيف
    [moderate] احمرار منتشر متوسط
   *[marked] احمرار منتشر واضح
}
cond-texture = { $severity ->
    [mild] عدم تجانس خفيف في ملمس البشرة
    [moderate] عدم تجانس متوسط في ملمس البشرة
   *[marked] عدم تجانس واضح في ملمس البشرة
}
cond-pores = { $severity ->
    [mild] توسّع خفيف في المسام
    [moderate] توسّع متوسط في المسام
   *[marked] توسّع واضح في المسام
}
cond-dark-circles = { $severity ->
    [mild] اسمرار خفيف حول العينين
    [moderate] اسمرار متوسط حول العينين
   *[marked] اسمرار واضح حول العينين
}
cond-eye-bags = { $severity ->
    [mild] أكياس خفيفة تحت العينين
    [moderate] أكياس متوسطة تحت العينين
   *[marked] أكياس واضحة تحت العينين
}
cond-oiliness = { $severity ->
    [mild] لمعان خفيف على سطح البشرة (الزهم)
    [moderate] لمعان متوسط على سطح البشرة (الزهم)
   *[marked] لمعان واضح على سطح البشرة (الزهم)
}
cond-firmness = { $severity ->
    [mild] فقدان خفيف لشدّ الجزء السفلي من الوجه
    [moderate] فقدان متوسط لشدّ الجزء السفلي من الوجه
   *[marked] فقدان واضح لشدّ الجزء السفلي من الوجه
}
cond-hydration = { $severity ->
    [mild] نقص خفيف في الترطيب (تقديري)
    [moderate] نقص متوسط في الترطيب (تقديري)
   *[marked] نقص واضح في الترطيب (تقديري)
}

## أسماء قيم العقد
skin-type-name = { $type ->
    [Normal] عادية
    [Dry] جافة
    [Oily] دهنية
    [Combination] مختلطة
   *[Sensitive] حساسة
}
uv-name = { $level ->
    [None] لا يوجد
    [Mild] خفيفة
    [Moderate] متوسطة
   *[Severe] شديدة
}
undertone = { $u ->
    [warm] دافئ
    [cool] بارد
   *[neutral] محايد
}

## خطوات الروتين
step-cleanser-gel = غسول جل رغوي
step-cleanser-foam = غسول لطيف قليل الرغوة
step-cleanser-cream = غسول كريمي غير رغوي
step-cleanser-milk = حليب منظّف خالٍ من العطور
step-cleanser-gentle = غسول لطيف متوازن الحموضة
step-cleanser-double = زيت منظّف ثم غسول جل (تنظيف مزدوج)
step-cleanser-micellar = ماء ميسيلار ثم غسول لطيف
step-serum-niacinamide = سيروم النياسيناميد ٥٪
step-serum-soothing = سيروم مهدّئ بخلاصة السنتيلا الآسيوية
step-serum-vitc = سيروم فيتامين C (حمض L-أسكوربيك ١٠–١٥٪)
step-serum-vitc-gentle = سيروم بمشتق فيتامين C (أسكوربيل غلوكوزيد)
step-serum-peptide = سيروم الببتيدات
step-serum-hyaluronic = سيروم حمض الهيالورونيك على بشرة رطبة
step-serum-panthenol = سيروم البانثينول (فيتامين B5) وحمض الهيالورونيك
step-eye-caffeine = سيروم للعينين بالكافيين
step-eye-peptide = كريم للعينين بالببتيدات
step-eye-retinol = كريم للعينين بالريتينول ٠٫١٪، بدءًا بمساءين أسبوعيًا
step-active-bha = حمض الساليسيليك ٢٪ (BHA)، ثلاث أمسيات أسبوعيًا
step-active-azelaic = حمض الأزيليك ١٠٪ على شكل جل أو كريم
step-active-aha = حمض اللاكتيك ٥–١٠٪ (AHA)، مرتين إلى ثلاث مرات مساءً أسبوعيًا
step-active-pha = غلوكونولاكتون (PHA)، مرتين إلى ثلاث مرات مساءً أسبوعيًا
step-active-retinol = ريتينول ٠٫٣٪، بدءًا بمساءين أسبوعيًا
step-active-bakuchiol = سيروم الباكوتشيول (بديل لطيف للريتينول)
step-moist-gel = مرطّب جل خالٍ من الزيوت
step-moist-lotion = لوشن مرطّب خفيف
step-moist-rich = كريم غني بالسيراميدات
step-moist-barrier = كريم حاجز بالسيراميدات خالٍ من العطور
step-moist-hyaluronic = مرطّب بحمض الهيالورونيك
step-night-gel = جل كريمي خالٍ من الزيوت
step-night-lotion = لوشن ليلي بالسيراميدات
step-night-rich = كريم ليلي مغذٍّ بالسيراميدات
step-night-barrier = بلسم بالبانثينول والسيراميدات خالٍ من العطور
step-night-ceramide = كريم مرمّم بالسيراميدات
step-spf = { $level ->
    [high] واقي شمس واسع الطيف بعامل حماية SPF 50 أو أعلى، يُعاد وضعه كل ساعتين في الهواء الطلق
   *[standard] واقي شمس واسع الطيف بعامل حماية SPF 30 أو أعلى
}
step-spf-mineral = واقي شمس معدني بعامل حماية SPF 50 أو أعلى (أكسيد الزنك)

## المنتجات
ptype-sunscreen = واقي الشمس
ptype-serum = سيروم
ptype-exfoliant = مقشّر
ptype-treatment = علاج موضعي
ptype-eye-cream = كريم العينين
ptype-moisturiser = مرطّب
ingr-zinc-oxide = أكسيد الزنك
ingr-uv-filters = فلاتر واسعة الطيف للأشعة UVA/UVB
ingr-salicylic = حمض الساليسيليك ٢٪
ingr-azelaic = حمض الأزيليك ١٠٪
ingr-niacinamide = نياسيناميد ٥٪
ingr-lactic = حمض اللاكتيك ٥–١٠٪
ingr-gluconolactone = غلوكونولاكتون (PHA)
ingr-retinol = ريتينول ٠٫٣٪
ingr-retinol-eye = ريتينول ٠٫١٪
ingr-bakuchiol = باكوتشيول
ingr-caffeine = كافيين
ingr-peptides = ببتيدات
ingr-hyaluronic = حمض الهيالورونيك
ingr-panthenol = بانثينول (فيتامين B5)
ingr-centella = السنتيلا الآسيوية
ingr-ceramide = سيراميد NP
reason-spf = { $level ->
    [None] وقاية يومية من أضرار الأشعة فوق البنفسجية
    [Mild] علامات خفيفة لأضرار الأشعة فوق البنفسجية؛ حماية يومية
    [Moderate] رُصدت علامات متوسطة لأضرار الأشعة فوق البنفسجية
   *[Severe] رُصدت علامات واضحة لأضرار الأشعة فوق البنفسجية
}
reason-acne = بثور ظاهرة (درجة حب الشباب { $score } من ١٠٠)
reason-wrinkles = خطوط دقيقة (درجة التجاعيد { $score } من ١٠٠)
reason-redness = احمرار ظاهر (درجة الاحمرار { $score } من ١٠٠)
reason-texture = ملمس غير متجانس (درجة الملمس { $score } من ١٠٠)
reason-pores = مسام ظاهرة (درجة المسام { $score } من ١٠٠)
reason-dark-circles = اسمرار تحت العينين (الدرجة { $score } من ١٠٠)
reason-eye-bags = أخاديد تحت الجفون السفلية (درجة الأكياس { $score } من ١٠٠)
reason-oiliness = لمعان سطحي (درجة الدهنية { $score } من ١٠٠)
reason-firmness = ارتخاء الجزء السفلي من الوجه (درجة الشدّ { $score } من ١٠٠)
reason-hydration = ترطيب تقديري منخفض ({ $score }٪)
reason-moisturiser = { $type ->
    [Dry] يعوّض الدهون الطبيعية في البشرة الجافة
    [Oily] يرطّب دون إضافة زيوت
    [Combination] يوازن الترطيب دون إثقال البشرة
    [Sensitive] يدعم حاجز البشرة سريع التهيّج
   *[Normal] يحافظ على حاجز البشرة
}

## التغذية
nut-omega3 = أحماض أوميغا-3 الدهنية (الأسماك الدهنية، بذور الكتان، الجوز)
nut-zinc = الزنك (بذور اليقطين، البقوليات، المأكولات البحرية)
nut-low-gi = وجبات منخفضة المؤشر الجلايسيمي (الحبوب الكاملة، البقوليات، الخضروات)
nut-vitc = فيتامين C (الحمضيات، الفلفل الحلو، الكيوي)
nut-vite = فيتامين E (اللوز، بذور دوار الشمس، الأفوكادو)
nut-green-tea = بوليفينولات الشاي الأخضر
nut-lycopene = الليكوبين (الطماطم المطهوّة، البطيخ الأحمر)
nut-water = شرب الماء على مدار اليوم (نحو ١٫٥–٢ لتر)
nut-protein = كمية كافية من البروتين (السمك، البيض، البقوليات)
nut-iron = أطعمة غنية بالحديد (الخضروات الورقية، العدس، اللحوم الحمراء)
nut-vita = بيتا كاروتين (الجزر، البطاطا الحلوة، السبانخ)
nut-low-sodium = تقليل الملح، خاصة في المساء (الملح يحبس الماء تحت العينين)

## توقعات ثلاثة أشهر
proj-acne = يُتوقع أن تتراجع البثور النشطة بشكل ملحوظ (درجة حب الشباب من { $from } إلى { $to }).
proj-wrinkles = تستجيب الخطوط الدقيقة ببطء، ويُتوقع أن تخفّ بدرجة معتدلة (درجة التجاعيد من { $from } إلى { $to }).
proj-redness = يُتوقع أن يهدأ الاحمرار تدريجيًا (درجة الاحمرار من { $from } إلى { $to }).
proj-texture = يُتوقع أن يصبح ملمس البشرة أنعم وأكثر تجانسًا (درجة الملمس من { $from } إلى { $to }).
proj-pores = يُتوقع أن تبدو المسام أدقّ قليلًا (درجة المسام من { $from } إلى { $to }).
proj-dark-circles = تتغير الهالات السوداء ببطء، ويُتوقع تحسّن طفيف (الدرجة من { $from } إلى { $to }).
proj-eye-bags = أكياس العينين بنيوية في الغالب، ولا يخففها كريم العينين إلا قليلًا (درجة الأكياس من { $from } إلى { $to }).
proj-oiliness = يُتوقع أن يصبح اللمعان تحت السيطرة بشكل أفضل خلال اليوم (درجة الدهنية من { $from } إلى { $to }).
proj-firmness = لا يتغير شدّ البشرة كثيرًا خلال ثلاثة أشهر، ويُتوقع دعم طفيف في أحسن الأحوال (درجة الشدّ من { $from } إلى { $to }).
proj-hydration = يُتوقع أن يتحسن الترطيب خلال بضعة أسابيع (تقديريًا من { $from }٪ إلى { $to }٪).
proj-overall = مع الحماية اليومية من الشمس والالتزام بهذا الروتين، قد تصل الدرجة الإجمالية للبشرة إلى نحو { $projected } من ١٠٠ خلال ثلاثة أشهر، وتتوقف النتائج على مدى الالتزام.

## الملخص
summary-profile = تبلغ الدرجة الإجمالية للبشرة { $score } من ١٠٠، والبشرة { $type ->
    [Normal] عادية
    [Dry] جافة
    [Oily] دهنية
    [Combination] مختلطة
   *[Sensitive] حساسة
}، ويُقدَّر عمرها بـ{ $age } { $age ->
    [few] أعوام
    [many] عامًا
   *[other] عام
}.
summary-priorities = المجالات ذات الأولوية: { $c1 }، و{ $c2 }، و{ $c3 }.
summary-uv = { $level ->
    [None] لم تُرصد علامات واضحة لأضرار الشمس، ومع ذلك يُنصح باستخدام واقٍ من الشمس بعامل حماية SPF 30 أو أعلى يوميًا.
    [Mild] تستدعي العلامات الخفيفة المتوافقة مع التعرض للشمس استخدام واقٍ من الشمس بعامل حماية SPF 30 أو أعلى يوميًا.
    [Moderate] تستدعي العلامات المتوسطة المتوافقة مع أضرار الشمس استخدام واقٍ من الشمس بعامل حماية SPF 50 أو أعلى يوميًا مع دعم بمضادات الأكسدة.
   *[Severe] تستدعي العلامات الواضحة المتوافقة مع أضرار الشمس استخدام واقٍ من الشمس بعامل حماية SPF 50 أو أعلى يوميًا وتقييمًا متخصصًا للبشرة.
}
summary-gp = { $reason ->
    [acne] يستدعي عدد الآفات الالتهابية مناقشة خيارات العلاج مع طبيب عام أو طبيب أمراض جلدية.
    [redness] يُستحسن أن يقيّم طبيب عام أو طبيب أمراض جلدية الاحمرار المنتشر الواضح.
   *[both] يُستحسن أن يقيّم طبيب عام أو طبيب أمراض جلدية عدد الآفات الالتهابية والاحمرار المنتشر الواضح.
}
summary-quality = حدّت جودة الصورة من دقة بعض القياسات ({ $issue ->
    [blur] ضعف الوضوح
    [dark] إضاءة خافتة
    [overexposed] تعريض زائد للضوء
    [cut-off] جزء من الوجه خارج الإطار
    [turned] الوجه ليس مواجهاً للكاميرا
    [glasses] النظارة تغطي الجلد حول العينين
   *[small] صِغَر حجم الوجه في الإطار
})، وإعادة التصوير في ضوء نهار متجانس تجعل النتيجة أكثر موثوقية.

## تقرير HTML
html-brand = Dermis · تقرير متوافق مع SKINN
html-title = تقرير تحليل البشرة
html-patient-ref = الرقم المرجعي للمريض
html-generated = تاريخ الإنشاء
html-skin-score = درجة البشرة
html-projected = المتوقع بعد ٣ أشهر
html-skin-age = عمر البشرة
html-skin-age-value = { $age } { $age ->
    [few] أعوام
    [many] عامًا
   *[other] عام
}
html-skin-type = نوع البشرة
html-uv-damage = أضرار الأشعة فوق البنفسجية
html-hydration = الترطيب (تقديري)
html-percent = { $pct }٪
html-summary = الملخص
html-gp-title = يُنصح بمراجعة الطبيب
html-gp-text = يُستحسن عرض بعض النتائج المقيسة على طبيب عام أو طبيب أمراض جلدية. لا يستطيع هذا التقرير تقييم الشامات أو الآفات المنفردة.
html-conditions = الملاحظات
html-no-conditions = لا توجد نتائج تتجاوز حدود التقرير.
html-concerns = المشكلات ذات الأولوية
html-routine = الروتين المخصّص
html-morning = الصباح
html-evening = المساء
html-products = المنتجات الموصى بها
html-product-type = النوع
html-product-ingredient = المكوّن الأساسي
html-product-reason = السبب
html-nutrition = التغذية لصحة البشرة
html-projection = توقعات ثلاثة أشهر
html-metrics = المؤشرات المقيسة
html-metric = المؤشر
html-score = الدرجة
html-measurement = القياس
html-score-scale = الدرجات من ٠ إلى ١٠٠، وكلما ارتفعت كانت البشرة أكثر صحة.
html-skin-tone = لون البشرة
html-fitzpatrick = نمط فيتزباتريك (تقدير من الصورة)
html-ita = زاوية ITA
html-monk = لون البشرة وفق مقياس Monk
html-undertone = اللون التحتي
html-photo-quality = جودة الصورة
html-sharpness = الوضوح
html-exposure = التعريض الضوئي (متوسط L*)
html-face-in-photo = نسبة الوجه داخل الصورة
html-head-turn = دوران الرأس عن الكاميرا
html-glasses = نظارة
html-glasses-effect = استُبعد الجلد حول العينين
html-not-measured = لم يُقَس
html-disclaimer-title = ليس جهازًا طبيًا · ليس تشخيصًا
html-disclaimer = يُنشأ هذا التقرير تلقائيًا من صورة واحدة. الدرجات والتقديرات (بما فيها الترطيب وعمر البشرة وأضرار الأشعة فوق البنفسجية) مؤشرات مستمدة من قياسات الصورة، وقد تتأثر بالإضاءة والمكياج وإعدادات الكاميرا. لا يفحص هذا التقرير الشامات أو الآفات المنفردة: أي بقعة جديدة أو متغيرة أو نازفة أو غير مألوفة يجب أن يفحصها طبيب.
html-footer = Dermis · تحليل البشرة على خادمك الخاص · صيغة متوافقة مع SKINN AI

## أسماء المؤشرات والوحدات
metric-acne = حب الشباب
metric-pigmentation = البقع الصبغية
metric-wrinkles = التجاعيد (إجمالًا)
metric-wrinkles-forehead = خطوط الجبهة
metric-wrinkles-crow-feet = أقدام الغراب
metric-wrinkles-nasolabial = الطيّات الأنفية الشفوية
metric-wrinkles-glabella = خطوط العبوس
metric-redness = الاحمرار
metric-texture = الملمس
metric-pores = المسام
metric-dark-circles = الهالات السوداء
metric-eye-bags = أكياس تحت العينين
metric-oiliness = الدهنية (اللمعان)
metric-firmness = الشدّ
unit-lesions = { $value ->
    [one] آفة واحدة
    [two] آفتان
    [few] { $value } آفات
   *[other] { $value } آفة
}
unit-spots = { $value ->
    [one] بقعة واحدة
    [two] بقعتان
    [few] { $value } بقع
   *[other] { $value } بقعة
}
unit-lines = { $value }٪ من مساحة المنطقة مغطاة بالخطوط
unit-fold = { $value }٪ من طول الطية فيها خط
unit-pores = { $value } مسام لكل سم²
unit-redness = { $value } (متوسط تجاوز a* للقيمة ١٢)
unit-shine = { $value }٪ من البشرة لامعة
unit-texture = { $value } (تفاصيل L* بقياس RMS)
unit-dark-circles = { $value } ΔL* (الخد − أسفل العين)
unit-eye-bags = { $value }٪ من عرض الجفن يوجد تحته أخدود
unit-firmness = { $value } (مؤشر الترهل، ٪ من المسافة بين العينين)

# Dermis clinic report (SKINN AI compatible) — English.
# Selector keys (severity, type, level, region, reason, issue, u) are fixed English keys from the
# code; only the text after them is translated. Numbers arrive already in locale digits.

## Concern areas (the `concerns` list)
area-acne = Breakout control
area-wrinkles = Fine lines and wrinkles
area-redness = Redness and sensitivity
area-texture = Texture refinement
area-pores = Pore management
area-dark-circles = Dark circles
area-oiliness = Oil control
area-firmness = Firmness and contour
area-eye-bags = Under-eye bags
area-hydration = Hydration and barrier support

## Conditions
cond-acne = { $severity ->
    [mild] Mild acne activity (visible lesions: { $count })
    [moderate] Moderate acne activity (visible lesions: { $count })
   *[marked] Marked acne activity (visible lesions: { $count })
}
cond-wrinkles = { $severity ->
    [mild] Mild lines
    [moderate] Moderate lines
   *[marked] Marked lines
} ({ $region ->
    [forehead] forehead
    [crow-feet] crow's feet
    [nasolabial] nasolabial folds
   *[glabella] frown lines
})
cond-redness = { $severity ->
    [mild] Mild diffuse redness
    [moderate] Moderate diffuse redness
   *[marked] Marked diffuse redness
}
cond-texture = { $severity ->
    [mild] Slightly uneven skin texture
    [moderate] Moderately uneven skin texture
   *[marked] Markedly uneven skin texture
}
cond-pores = { $severity ->
    [mild] Slightly enlarged pores
    [moderate] Moderately enlarged pores
   *[marked] Markedly enlarged pores
}
cond-dark-circles = { $severity ->
    [mild] Mild periorbital darkening
    [moderate] Moderate periorbital darkening
   *[marked] Marked periorbital darkening
}
cond-eye-bags = { $severity ->
    [mild] Mild under-eye bags
    [moderate] Moderate under-eye bags
   *[marked] Marked under-eye bags
}
cond-oiliness = { $severity ->
    [mild] Mild surface shine (sebum)
    [moderate] Moderate surface shine (sebum)
   *[marked] Marked surface shine (sebum)
}
cond-firmness = { $severity ->
    [mild] Mild loss of lower-face firmness
    [moderate] Moderate loss of lower-face firmness
   *[marked] Marked loss of lower-face firmness
}
cond-hydration = { $severity ->
    [mild] Mild dehydration (estimated)
    [moderate] Moderate dehydration (estimated)
   *[marked] Marked dehydration (estimated)
}

## Names of contract values (shown in the HTML and the summary; JSON keeps the English value)
skin-type-name = { $type ->
    [Normal] Normal
    [Dry] Dry
    [Oily] Oily
    [Combination] Combination
   *[Sensitive] Sensitive
}
uv-name = { $level ->
    [None] None
    [Mild] Mild
    [Moderate] Moderate
   *[Severe] Severe
}
undertone = { $u ->
    [warm] Warm
    [cool] Cool
   *[neutral] Neutral
}

## Routine steps
step-cleanser-gel = Foaming gel cleanser
step-cleanser-foam = Gentle low-foam cleanser
step-cleanser-cream = Creamy non-foaming cleanser
step-cleanser-milk = Fragrance-free cleansing milk
step-cleanser-gentle = Gentle pH-balanced cleanser
step-cleanser-double = Cleansing oil, then gel cleanser (double cleanse)
step-cleanser-micellar = Micellar water, then gentle cleanser
step-serum-niacinamide = Niacinamide 5% serum
step-serum-soothing = Centella asiatica soothing serum
step-serum-vitc = Vitamin C serum (L-ascorbic acid 10–15%)
step-serum-vitc-gentle = Vitamin C derivative serum (ascorbyl glucoside)
step-serum-peptide = Peptide serum
step-serum-hyaluronic = Hyaluronic acid serum on damp skin
step-serum-panthenol = Panthenol (vitamin B5) and hyaluronic acid serum
step-eye-caffeine = Caffeine eye serum
step-eye-peptide = Peptide eye cream
step-eye-retinol = Retinol eye cream 0.1%, starting 2 evenings a week
step-active-bha = Salicylic acid 2% (BHA), 3 evenings a week
step-active-azelaic = Azelaic acid 10% gel or cream
step-active-aha = Lactic acid 5–10% (AHA), 2–3 evenings a week
step-active-pha = Gluconolactone (PHA), 2–3 evenings a week
step-active-retinol = Retinol 0.3%, starting 2 evenings a week
step-active-bakuchiol = Bakuchiol serum (gentle retinol alternative)
step-moist-gel = Oil-free gel moisturiser
step-moist-lotion = Lightweight moisturising lotion
step-moist-rich = Rich ceramide cream
step-moist-barrier = Fragrance-free barrier cream with ceramides
step-moist-hyaluronic = Hyaluronic acid moisturiser
step-night-gel = Oil-free gel-cream
step-night-lotion = Ceramide night lotion
step-night-rich = Nourishing ceramide night cream
step-night-barrier = Fragrance-free panthenol and ceramide balm
step-night-ceramide = Ceramide repair cream
step-spf = { $level ->
    [high] Broad-spectrum SPF 50+, reapplied every 2 hours outdoors
   *[standard] Broad-spectrum SPF 30+
}
step-spf-mineral = Mineral sunscreen SPF 50+ (zinc oxide)

## Products
ptype-sunscreen = Sunscreen
ptype-serum = Serum
ptype-exfoliant = Exfoliant
ptype-treatment = Treatment
ptype-eye-cream = Eye cream
ptype-moisturiser = Moisturiser
ingr-zinc-oxide = Zinc oxide
ingr-uv-filters = Broad-spectrum UVA/UVB filters
ingr-salicylic = Salicylic acid 2%
ingr-azelaic = Azelaic acid 10%
ingr-niacinamide = Niacinamide 5%
ingr-lactic = Lactic acid 5–10%
ingr-gluconolactone = Gluconolactone (PHA)
ingr-retinol = Retinol 0.3%
ingr-retinol-eye = Retinol 0.1%
ingr-bakuchiol = Bakuchiol
ingr-caffeine = Caffeine
ingr-peptides = Peptides
ingr-hyaluronic = Hyaluronic acid
ingr-panthenol = Panthenol (vitamin B5)
ingr-centella = Centella asiatica
ingr-ceramide = Ceramide NP
reason-spf = { $level ->
    [None] Daily prevention of UV damage
    [Mild] Mild signs of UV damage; daily protection
    [Moderate] Moderate signs of UV damage detected
   *[Severe] Marked signs of UV damage detected
}
reason-acne = Visible breakouts (acne score { $score }/100)
reason-wrinkles = Fine lines (wrinkle score { $score }/100)
reason-redness = Visible redness (redness score { $score }/100)
reason-texture = Uneven texture (texture score { $score }/100)
reason-pores = Visible pores (pore score { $score }/100)
reason-dark-circles = Under-eye darkening (score { $score }/100)
reason-eye-bags = Grooves under the lower lids (eye bags score { $score }/100)
reason-oiliness = Surface shine (oiliness score { $score }/100)
reason-firmness = Lower-face laxity (firmness score { $score }/100)
reason-hydration = Low estimated hydration ({ $score }%)
reason-moisturiser = { $type ->
    [Dry] Replenishes lipids in dry skin
    [Oily] Hydrates without adding oil
    [Combination] Balances hydration without heaviness
    [Sensitive] Supports a reactive skin barrier
   *[Normal] Maintains the skin barrier
}

## Nutrition
nut-omega3 = Omega-3 fatty acids (oily fish, flaxseed, walnuts)
nut-zinc = Zinc (pumpkin seeds, legumes, seafood)
nut-low-gi = Low-glycaemic meals (whole grains, legumes, vegetables)
nut-vitc = Vitamin C (citrus fruit, peppers, kiwi)
nut-vite = Vitamin E (almonds, sunflower seeds, avocado)
nut-green-tea = Green tea polyphenols
nut-lycopene = Lycopene (cooked tomatoes, watermelon)
nut-water = Water through the day (about 1.5–2 litres)
nut-protein = Adequate protein (fish, eggs, legumes)
nut-iron = Iron-rich foods (leafy greens, lentils, red meat)
nut-vita = Beta-carotene (carrots, sweet potato, spinach)
nut-low-sodium = Less salt, especially in the evening (salt holds water under the eyes)

## 3-month projection
proj-acne = Active breakouts should settle noticeably (acne score { $from } → { $to }).
proj-wrinkles = Fine lines respond slowly; a modest softening is expected (wrinkle score { $from } → { $to }).
proj-redness = Redness should calm gradually (redness score { $from } → { $to }).
proj-texture = Skin texture should become smoother and more even (texture score { $from } → { $to }).
proj-pores = Pores should look somewhat more refined (pore score { $from } → { $to }).
proj-dark-circles = Dark circles change slowly; a slight improvement is expected (score { $from } → { $to }).
proj-eye-bags = Eye bags are mostly structural; an eye cream softens them only slightly (eye bags score { $from } → { $to }).
proj-oiliness = Shine should be better controlled through the day (oiliness score { $from } → { $to }).
proj-firmness = Firmness changes little in three months; expect subtle support at most (firmness score { $from } → { $to }).
proj-hydration = Hydration should improve within a few weeks (estimated { $from }% → { $to }%).
proj-overall = With daily sun protection and consistent use of this routine, the overall skin score could reach about { $projected }/100 in three months; results depend on adherence.

## Summary
summary-profile = Overall skin score is { $score }/100, with { $type ->
    [Normal] normal
    [Dry] dry
    [Oily] oily
    [Combination] combination
   *[Sensitive] sensitive
} skin and an estimated skin age of { $age } years.
summary-priorities = Priority areas: { $c1 }, { $c2 } and { $c3 }.
summary-uv = { $level ->
    [None] No clear signs of sun damage were measured; daily SPF 30+ remains advisable.
    [Mild] Mild signs consistent with sun exposure support daily use of SPF 30+.
    [Moderate] Moderate signs consistent with sun damage warrant daily SPF 50+ and antioxidant support.
   *[Severe] Marked signs consistent with sun damage warrant daily SPF 50+ and a professional skin review.
}
summary-gp = { $reason ->
    [acne] The number of inflammatory lesions suggests discussing treatment options with a GP or dermatologist.
    [redness] Marked diffuse redness is worth reviewing with a GP or dermatologist.
   *[both] The number of inflammatory lesions and marked diffuse redness are worth reviewing with a GP or dermatologist.
}
summary-quality = Photo quality limited some measurements ({ $issue ->
    [blur] low sharpness
    [dark] dim lighting
    [overexposed] overexposure
    [cut-off] part of the face is outside the frame
    [turned] the face is turned away from the camera
    [glasses] glasses cover the skin around the eyes
   *[small] the face is small in the frame
}); a retake in even daylight would make the result more reliable.

## HTML report
html-brand = Dermis · SKINN-compatible report
html-title = Skin analysis report
html-patient-ref = Patient reference
html-generated = Generated
html-skin-score = Skin score
html-projected = Projected in 3 months
html-skin-age = Skin age
html-skin-age-value = { $age } years
html-skin-type = Skin type
html-uv-damage = UV damage
html-hydration = Hydration (estimate)
html-percent = { $pct }%
html-summary = Summary
html-gp-title = Medical review recommended
html-gp-text = Some measured findings are worth showing to a GP or dermatologist. This report cannot assess individual moles or lesions.
html-conditions = Observations
html-no-conditions = No findings above the report thresholds.
html-concerns = Priority concerns
html-routine = Personalised routine
html-morning = Morning
html-evening = Evening
html-products = Recommended products
html-product-type = Type
html-product-ingredient = Key ingredient
html-product-reason = Reason
html-nutrition = Nutrition for skin health
html-projection = 3-month projection
html-metrics = Measured metrics
html-metric = Metric
html-score = Score
html-measurement = Measurement
html-score-scale = Scores 0–100, higher is healthier.
html-skin-tone = Skin tone
html-fitzpatrick = Fitzpatrick type (photo estimate)
html-ita = ITA angle
html-monk = Monk skin tone
html-undertone = Undertone
html-photo-quality = Photo quality
html-sharpness = Sharpness
html-exposure = Exposure (mean L*)
html-face-in-photo = Face inside the photo
html-head-turn = Head turned from the camera
html-glasses = Glasses
html-glasses-effect = skin around the eyes left out
html-not-measured = not measured
html-disclaimer-title = Not a medical device · not a diagnosis
html-disclaimer = This report is generated automatically from a single photograph. Scores and estimates (including hydration, skin age and UV damage) are indicators derived from image measurements and can be affected by lighting, make-up and camera settings. It does not examine moles or individual lesions: any spot that is new, changing, bleeding or unusual should be seen by a doctor.
html-footer = Dermis · self-hosted skin analysis · SKINN AI-compatible format

## Metric names and units (measured metrics table)
metric-acne = Acne
metric-pigmentation = Pigmentation spots
metric-wrinkles = Wrinkles (overall)
metric-wrinkles-forehead = Forehead lines
metric-wrinkles-crow-feet = Crow's feet
metric-wrinkles-nasolabial = Nasolabial folds
metric-wrinkles-glabella = Frown lines
metric-redness = Redness
metric-texture = Texture
metric-pores = Pores
metric-dark-circles = Dark circles
metric-eye-bags = Eye bags
metric-oiliness = Oiliness (shine)
metric-firmness = Firmness
unit-lesions = { $value } { $value ->
    [one] lesion
   *[other] lesions
}
unit-spots = { $value } { $value ->
    [one] spot
   *[other] spots
}
unit-lines = { $value }% of area with lines
unit-fold = { $value }% of the fold's length with a line
unit-pores = { $value } pores per cm²
unit-redness = { $value } (mean a* above 12)
unit-shine = { $value }% of skin with shine
unit-texture = { $value } (RMS L* detail)
unit-dark-circles = { $value } (ΔL* cheek − under-eye)
unit-eye-bags = { $value }% of the lids' width with a groove below
unit-firmness = { $value } (sag index, % IOD)

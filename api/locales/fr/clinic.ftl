# Rapport clinique Dermis (compatible SKINN AI) — français.
# Espaces insécables : « 5 % » utilise U+00A0 avant % (usage typographique français).

## Axes prioritaires
area-acne = Contrôle des imperfections
area-wrinkles = Ridules et rides
area-redness = Rougeurs et sensibilité
area-texture = Affinement du grain de peau
area-pores = Resserrement des pores
area-dark-circles = Cernes
area-oiliness = Régulation du sébum
area-firmness = Fermeté et ovale du visage
area-eye-bags = Poches sous les yeux
area-hydration = Hydratation et barrière cutanée

## Constats
cond-acne = { $severity ->
    [mild] Acné légère (lésions visibles : { $count })
    [moderate] Acné modérée (lésions visibles : { $count })
   *[marked] Acné marquée (lésions visibles : { $count })
}
cond-wrinkles = { $severity ->
    [mild] Rides légères
    [moderate] Rides modérées
   *[marked] Rides marquées
} ({ $region ->
    [forehead] front
    [crow-feet] pattes-d'oie
    [nasolabial] sillons nasogéniens
   *[glabella] ride du lion
})
cond-redness = { $severity ->
    [mild] Rougeur diffuse légère
    [moderate] Rougeur diffuse modérée
   *[marked] Rougeur diffuse marquée
}
cond-texture = { $severity ->
    [mild] Grain de peau légèrement irrégulier
    [moderate] Grain de peau modérément irrégulier
   *[marked] Grain de peau nettement irrégulier
}
cond-pores = { $severity ->
    [mild] Pores légèrement dilatés
    [moderate] Pores modérément dilatés
   *[marked] Pores nettement dilatés
}
cond-dark-circles = { $severity ->
    [mild] Cernes légers
    [moderate] Cernes modérés
   *[marked] Cernes marqués
}
cond-eye-bags = { $severity ->
    [mild] Poches sous les yeux légères
    [moderate] Poches sous les yeux modérées
   *[marked] Poches sous les yeux marquées
}
cond-oiliness = { $severity ->
    [mild] Brillance cutanée légère (sébum)
    [moderate] Brillance cutanée modérée (sébum)
   *[marked] Brillance cutanée marquée (sébum)
}
cond-firmness = { $severity ->
    [mild] Légère perte de fermeté du bas du visage
    [moderate] Perte de fermeté modérée du bas du visage
   *[marked] Perte de fermeté marquée du bas du visage
}
cond-hydration = { $severity ->
    [mild] Déshydratation légère (estimée)
    [moderate] Déshydratation modérée (estimée)
   *[marked] Déshydratation marquée (estimée)
}

## Noms des valeurs du contrat
skin-type-name = { $type ->
    [Normal] Normale
    [Dry] Sèche
    [Oily] Grasse
    [Combination] Mixte
   *[Sensitive] Sensible
}
uv-name = { $level ->
    [None] Aucun
    [Mild] Léger
    [Moderate] Modéré
   *[Severe] Sévère
}
undertone = { $u ->
    [warm] Chaud
    [cool] Froid
   *[neutral] Neutre
}

## Étapes de la routine
step-cleanser-gel = Gel nettoyant moussant
step-cleanser-foam = Nettoyant doux peu moussant
step-cleanser-cream = Nettoyant crème non moussant
step-cleanser-milk = Lait démaquillant sans parfum
step-cleanser-gentle = Nettoyant doux au pH physiologique
step-cleanser-double = Huile démaquillante, puis gel nettoyant (double nettoyage)
step-cleanser-micellar = Eau micellaire, puis nettoyant doux
step-serum-niacinamide = Sérum à la niacinamide 5 %
step-serum-soothing = Sérum apaisant à la Centella asiatica
step-serum-vitc = Sérum à la vitamine C (acide L-ascorbique 10–15 %)
step-serum-vitc-gentle = Sérum à un dérivé de vitamine C (ascorbyl glucoside)
step-serum-peptide = Sérum aux peptides
step-serum-hyaluronic = Sérum à l'acide hyaluronique sur peau humide
step-serum-panthenol = Sérum au panthénol (vitamine B5) et à l'acide hyaluronique
step-eye-caffeine = Sérum contour des yeux à la caféine
step-eye-peptide = Crème contour des yeux aux peptides
step-eye-retinol = Crème contour des yeux au rétinol 0,1 %, en commençant par 2 soirs par semaine
step-active-bha = Acide salicylique 2 % (BHA), 3 soirs par semaine
step-active-azelaic = Acide azélaïque 10 % en gel ou en crème
step-active-aha = Acide lactique 5–10 % (AHA), 2 à 3 soirs par semaine
step-active-pha = Gluconolactone (PHA), 2 à 3 soirs par semaine
step-active-retinol = Rétinol 0,3 %, en commençant par 2 soirs par semaine
step-active-bakuchiol = Sérum au bakuchiol (alternative douce au rétinol)
step-moist-gel = Gel hydratant sans huile
step-moist-lotion = Émulsion hydratante légère
step-moist-rich = Crème riche aux céramides
step-moist-barrier = Crème barrière sans parfum aux céramides
step-moist-hyaluronic = Hydratant à l'acide hyaluronique
step-night-gel = Gel-crème sans huile
step-night-lotion = Émulsion de nuit aux céramides
step-night-rich = Crème de nuit nourrissante aux céramides
step-night-barrier = Baume sans parfum au panthénol et aux céramides
step-night-ceramide = Crème réparatrice aux céramides
step-spf = { $level ->
    [high] Protection solaire large spectre SPF 50+, à renouveler toutes les 2 heures en extérieur
   *[standard] Protection solaire large spectre SPF 30+
}
step-spf-mineral = Écran solaire minéral SPF 50+ (oxyde de zinc)

## Produits
ptype-sunscreen = Protection solaire
ptype-serum = Sérum
ptype-exfoliant = Exfoliant
ptype-treatment = Soin traitant
ptype-eye-cream = Soin contour des yeux
ptype-moisturiser = Hydratant
ingr-zinc-oxide = Oxyde de zinc
ingr-uv-filters = Filtres UVA/UVB large spectre
ingr-salicylic = Acide salicylique 2 %
ingr-azelaic = Acide azélaïque 10 %
ingr-niacinamide = Niacinamide 5 %
ingr-lactic = Acide lactique 5–10 %
ingr-gluconolactone = Gluconolactone (PHA)
ingr-retinol = Rétinol 0,3 %
ingr-retinol-eye = Rétinol 0,1 %
ingr-bakuchiol = Bakuchiol
ingr-caffeine = Caféine
ingr-peptides = Peptides
ingr-hyaluronic = Acide hyaluronique
ingr-panthenol = Panthénol (vitamine B5)
ingr-centella = Centella asiatica
ingr-ceramide = Céramide NP
reason-spf = { $level ->
    [None] Prévention quotidienne des dommages UV
    [Mild] Signes légers de dommages UV ; protection quotidienne
    [Moderate] Signes modérés de dommages UV détectés
   *[Severe] Signes marqués de dommages UV détectés
}
reason-acne = Imperfections visibles (score acné { $score }/100)
reason-wrinkles = Ridules (score rides { $score }/100)
reason-redness = Rougeurs visibles (score rougeurs { $score }/100)
reason-texture = Grain de peau irrégulier (score texture { $score }/100)
reason-pores = Pores visibles (score pores { $score }/100)
reason-dark-circles = Cernes (score { $score }/100)
reason-eye-bags = Sillons sous les paupières inférieures (score poches { $score }/100)
reason-oiliness = Brillance (score sébum { $score }/100)
reason-firmness = Relâchement du bas du visage (score fermeté { $score }/100)
reason-hydration = Hydratation estimée faible ({ $score } %)
reason-moisturiser = { $type ->
    [Dry] Relipide la peau sèche
    [Oily] Hydrate sans graisser
    [Combination] Équilibre l'hydratation sans alourdir
    [Sensitive] Soutient une barrière cutanée réactive
   *[Normal] Préserve la barrière cutanée
}

## Nutrition
nut-omega3 = Acides gras oméga-3 (poissons gras, graines de lin, noix)
nut-zinc = Zinc (graines de courge, légumineuses, fruits de mer)
nut-low-gi = Repas à faible index glycémique (céréales complètes, légumineuses, légumes)
nut-vitc = Vitamine C (agrumes, poivrons, kiwi)
nut-vite = Vitamine E (amandes, graines de tournesol, avocat)
nut-green-tea = Polyphénols du thé vert
nut-lycopene = Lycopène (tomates cuites, pastèque)
nut-water = De l'eau tout au long de la journée (environ 1,5 à 2 litres)
nut-protein = Apport suffisant en protéines (poisson, œufs, légumineuses)
nut-iron = Aliments riches en fer (légumes verts à feuilles, lentilles, viande rouge)
nut-vita = Bêta-carotène (carottes, patate douce, épinards)
nut-low-sodium = Moins de sel, surtout le soir (le sel retient l'eau sous les yeux)

## Projection à 3 mois
proj-acne = Les imperfections actives devraient nettement s'atténuer (score acné { $from } → { $to }).
proj-wrinkles = Les ridules réagissent lentement ; un lissage modéré est attendu (score rides { $from } → { $to }).
proj-redness = Les rougeurs devraient s'apaiser progressivement (score rougeurs { $from } → { $to }).
proj-texture = Le grain de peau devrait devenir plus lisse et plus régulier (score texture { $from } → { $to }).
proj-pores = Les pores devraient paraître un peu plus resserrés (score pores { $from } → { $to }).
proj-dark-circles = Les cernes évoluent lentement ; une légère amélioration est attendue (score { $from } → { $to }).
proj-eye-bags = Les poches sont surtout structurelles ; un soin contour des yeux ne les atténue que légèrement (score poches { $from } → { $to }).
proj-oiliness = La brillance devrait être mieux maîtrisée au fil de la journée (score sébum { $from } → { $to }).
proj-firmness = La fermeté évolue peu en trois mois ; on peut tout au plus attendre un léger soutien (score fermeté { $from } → { $to }).
proj-hydration = L'hydratation devrait s'améliorer en quelques semaines (estimation { $from } % → { $to } %).
proj-overall = Avec une protection solaire quotidienne et une routine suivie avec régularité, le score cutané global pourrait atteindre environ { $projected }/100 en trois mois ; les résultats dépendent de l'assiduité.

## Synthèse
summary-profile = Le score cutané global est de { $score }/100, pour une peau { $type ->
    [Normal] normale
    [Dry] sèche
    [Oily] grasse
    [Combination] mixte
   *[Sensitive] sensible
} et un âge cutané estimé à { $age } ans.
summary-priorities = Axes prioritaires : { $c1 }, { $c2 } et { $c3 }.
summary-uv = { $level ->
    [None] Aucun signe net de dommage solaire n'a été mesuré ; une protection SPF 30+ quotidienne reste conseillée.
    [Mild] Des signes légers compatibles avec une exposition solaire justifient un SPF 30+ au quotidien.
    [Moderate] Des signes modérés compatibles avec des dommages solaires justifient un SPF 50+ quotidien et un soutien antioxydant.
   *[Severe] Des signes marqués compatibles avec des dommages solaires justifient un SPF 50+ quotidien et un bilan cutané par un professionnel.
}
summary-gp = { $reason ->
    [acne] Le nombre de lésions inflammatoires invite à discuter des options de traitement avec un médecin généraliste ou un dermatologue.
    [redness] La rougeur diffuse marquée mérite d'être examinée par un médecin généraliste ou un dermatologue.
   *[both] Le nombre de lésions inflammatoires et la rougeur diffuse marquée méritent d'être examinés par un médecin généraliste ou un dermatologue.
}
summary-quality = La qualité de la photo a limité certaines mesures ({ $issue ->
    [blur] netteté insuffisante
    [dark] éclairage faible
    [overexposed] surexposition
    [cut-off] une partie du visage est hors du cadre
    [turned] le visage est tourné par rapport à l'objectif
    [glasses] des lunettes couvrent la peau autour des yeux
   *[small] visage trop petit dans le cadre
}) ; une nouvelle photo à la lumière du jour, bien répartie, rendrait le résultat plus fiable.

## Rapport HTML
html-brand = Dermis · rapport compatible SKINN
html-title = Rapport d'analyse de peau
html-patient-ref = Référence patient
html-generated = Généré le
html-skin-score = Score cutané
html-projected = Projection à 3 mois
html-skin-age = Âge cutané
html-skin-age-value = { $age } ans
html-skin-type = Type de peau
html-uv-damage = Dommages UV
html-hydration = Hydratation (estimation)
html-percent = { $pct } %
html-summary = Synthèse
html-gp-title = Avis médical recommandé
html-gp-text = Certains constats mesurés méritent d'être montrés à un médecin généraliste ou à un dermatologue. Ce rapport ne peut pas évaluer les grains de beauté ni les lésions isolées.
html-conditions = Observations
html-no-conditions = Aucun constat au-delà des seuils du rapport.
html-concerns = Préoccupations prioritaires
html-routine = Routine personnalisée
html-morning = Matin
html-evening = Soir
html-products = Produits recommandés
html-product-type = Type
html-product-ingredient = Actif clé
html-product-reason = Motif
html-nutrition = Nutrition pour la peau
html-projection = Projection à 3 mois
html-metrics = Mesures
html-metric = Critère
html-score = Score
html-measurement = Mesure
html-score-scale = Scores de 0 à 100 ; plus le score est élevé, plus la peau est saine.
html-skin-tone = Carnation
html-fitzpatrick = Phototype de Fitzpatrick (estimation sur photo)
html-ita = Angle ITA
html-monk = Teinte Monk
html-undertone = Sous-ton
html-photo-quality = Qualité de la photo
html-sharpness = Netteté
html-exposure = Exposition (L* moyen)
html-face-in-photo = Visage dans la photo
html-head-turn = Rotation de la tête par rapport à l'objectif
html-glasses = Lunettes
html-glasses-effect = peau autour des yeux exclue
html-not-measured = non mesuré
html-disclaimer-title = Pas un dispositif médical · pas un diagnostic
html-disclaimer = Ce rapport est généré automatiquement à partir d'une seule photographie. Les scores et estimations (y compris l'hydratation, l'âge cutané et les dommages UV) sont des indicateurs issus de mesures d'image et peuvent être influencés par l'éclairage, le maquillage et les réglages de l'appareil. Il n'examine pas les grains de beauté ni les lésions isolées : toute tache nouvelle, qui évolue, saigne ou paraît inhabituelle doit être examinée par un médecin.
html-footer = Dermis · analyse de peau auto-hébergée · format compatible SKINN AI

## Noms des mesures et unités
metric-acne = Acné
metric-pigmentation = Taches pigmentaires
metric-wrinkles = Rides (global)
metric-wrinkles-forehead = Rides du front
metric-wrinkles-crow-feet = Pattes-d'oie
metric-wrinkles-nasolabial = Sillons nasogéniens
metric-wrinkles-glabella = Ride du lion
metric-redness = Rougeurs
metric-texture = Grain de peau
metric-pores = Pores
metric-dark-circles = Cernes
metric-eye-bags = Poches sous les yeux
metric-oiliness = Brillance (sébum)
metric-firmness = Fermeté
unit-lesions = { $value } { $value ->
    [one] lésion
   *[other] lésions
}
unit-spots = { $value } { $value ->
    [one] tache
   *[other] taches
}
unit-lines = { $value } % de la zone avec des rides
unit-fold = { $value } % de la longueur du pli marquée d'une ride
unit-pores = { $value } pores par cm²
unit-redness = { $value } (a* moyen au-delà de 12)
unit-shine = { $value } % de peau brillante
unit-texture = { $value } (détail L*, RMS)
unit-dark-circles = { $value } (ΔL* joue − sous l'œil)
unit-eye-bags = { $value } % de la largeur des paupières avec un sillon dessous
unit-firmness = { $value } (indice d'affaissement, % DIO)

# Dermis Klinikbericht (SKINN-AI-kompatibel) — Deutsch.

## Schwerpunktbereiche
area-acne = Unreinheiten und Akne
area-wrinkles = Fältchen und Falten
area-redness = Rötungen und Empfindlichkeit
area-texture = Verfeinerung des Hautbilds
area-pores = Porenpflege
area-dark-circles = Augenschatten
area-oiliness = Talgregulierung
area-firmness = Festigkeit und Kontur
area-eye-bags = Tränensäcke
area-hydration = Feuchtigkeit und Hautbarriere

## Befunde
cond-acne = { $severity ->
    [mild] Leichte Akneaktivität (sichtbare Läsionen: { $count })
    [moderate] Mäßige Akneaktivität (sichtbare Läsionen: { $count })
   *[marked] Ausgeprägte Akneaktivität (sichtbare Läsionen: { $count })
}
cond-wrinkles = { $severity ->
    [mild] Leichte Linien
    [moderate] Mäßig ausgeprägte Linien
   *[marked] Deutlich ausgeprägte Linien
} ({ $region ->
    [forehead] Stirn
    [crow-feet] Krähenfüße
    [nasolabial] Nasolabialfalten
   *[glabella] Zornesfalte
})
cond-redness = { $severity ->
    [mild] Leichte diffuse Rötung
    [moderate] Mäßige diffuse Rötung
   *[marked] Ausgeprägte diffuse Rötung
}
cond-texture = { $severity ->
    [mild] Leicht unebenes Hautbild
    [moderate] Mäßig unebenes Hautbild
   *[marked] Deutlich unebenes Hautbild
}
cond-pores = { $severity ->
    [mild] Leicht vergrößerte Poren
    [moderate] Mäßig vergrößerte Poren
   *[marked] Deutlich vergrößerte Poren
}
cond-dark-circles = { $severity ->
    [mild] Leichte periorbitale Verschattung
    [moderate] Mäßige periorbitale Verschattung
   *[marked] Ausgeprägte periorbitale Verschattung
}
cond-eye-bags = { $severity ->
    [mild] Leichte Tränensäcke
    [moderate] Mäßige Tränensäcke
   *[marked] Ausgeprägte Tränensäcke
}
cond-oiliness = { $severity ->
    [mild] Leichter Oberflächenglanz (Talg)
    [moderate] Mäßiger Oberflächenglanz (Talg)
   *[marked] Ausgeprägter Oberflächenglanz (Talg)
}
cond-firmness = { $severity ->
    [mild] Leicht nachlassende Festigkeit im unteren Gesicht
    [moderate] Mäßig nachlassende Festigkeit im unteren Gesicht
   *[marked] Deutlich nachlassende Festigkeit im unteren Gesicht
}
cond-hydration = { $severity ->
    [mild] Leichter Feuchtigkeitsmangel (geschätzt)
    [moderate] Mäßiger Feuchtigkeitsmangel (geschätzt)
   *[marked] Ausgeprägter Feuchtigkeitsmangel (geschätzt)
}

## Namen der Vertragswerte
skin-type-name = { $type ->
    [Normal] Normal
    [Dry] Trocken
    [Oily] Fettig
    [Combination] Mischhaut
   *[Sensitive] Empfindlich
}
uv-name = { $level ->
    [None] Keine
    [Mild] Leicht
    [Moderate] Mäßig
   *[Severe] Stark
}
undertone = { $u ->
    [warm] Warm
    [cool] Kühl
   *[neutral] Neutral
}

## Pflegeschritte
step-cleanser-gel = Schäumendes Reinigungsgel
step-cleanser-foam = Mild schäumender Reiniger
step-cleanser-cream = Cremiger, nicht schäumender Reiniger
step-cleanser-milk = Parfümfreie Reinigungsmilch
step-cleanser-gentle = Milder, pH-hautneutraler Reiniger
step-cleanser-double = Reinigungsöl, danach Reinigungsgel (Double Cleansing)
step-cleanser-micellar = Mizellenwasser, danach milder Reiniger
step-serum-niacinamide = Niacinamid-Serum 5 %
step-serum-soothing = Beruhigendes Centella-asiatica-Serum
step-serum-vitc = Vitamin-C-Serum (L-Ascorbinsäure 10–15 %)
step-serum-vitc-gentle = Serum mit Vitamin-C-Derivat (Ascorbyl Glucoside)
step-serum-peptide = Peptid-Serum
step-serum-hyaluronic = Hyaluronsäure-Serum auf die feuchte Haut
step-serum-panthenol = Serum mit Panthenol (Vitamin B5) und Hyaluronsäure
step-eye-caffeine = Koffein-Augenserum
step-eye-peptide = Peptid-Augencreme
step-eye-retinol = Retinol-Augencreme 0,1 %, anfangs an 2 Abenden pro Woche
step-active-bha = Salicylsäure 2 % (BHA), an 3 Abenden pro Woche
step-active-azelaic = Azelainsäure 10 % als Gel oder Creme
step-active-aha = Milchsäure 5–10 % (AHA), an 2–3 Abenden pro Woche
step-active-pha = Gluconolacton (PHA), an 2–3 Abenden pro Woche
step-active-retinol = Retinol 0,3 %, anfangs an 2 Abenden pro Woche
step-active-bakuchiol = Bakuchiol-Serum (sanfte Retinol-Alternative)
step-moist-gel = Ölfreie Gel-Feuchtigkeitspflege
step-moist-lotion = Leichte Feuchtigkeitslotion
step-moist-rich = Reichhaltige Ceramid-Creme
step-moist-barrier = Parfümfreie Barrierecreme mit Ceramiden
step-moist-hyaluronic = Feuchtigkeitspflege mit Hyaluronsäure
step-night-gel = Ölfreie Gel-Creme
step-night-lotion = Ceramid-Nachtlotion
step-night-rich = Nährende Ceramid-Nachtcreme
step-night-barrier = Parfümfreier Balsam mit Panthenol und Ceramiden
step-night-ceramide = Regenerierende Ceramid-Creme
step-spf = { $level ->
    [high] Breitband-Sonnenschutz LSF 50+, im Freien alle 2 Stunden erneuern
   *[standard] Breitband-Sonnenschutz LSF 30+
}
step-spf-mineral = Mineralischer Sonnenschutz LSF 50+ (Zinkoxid)

## Produkte
ptype-sunscreen = Sonnenschutz
ptype-serum = Serum
ptype-exfoliant = Peeling
ptype-treatment = Wirkstoffpflege
ptype-eye-cream = Augencreme
ptype-moisturiser = Feuchtigkeitspflege
ingr-zinc-oxide = Zinkoxid
ingr-uv-filters = Breitband-UVA/UVB-Filter
ingr-salicylic = Salicylsäure 2 %
ingr-azelaic = Azelainsäure 10 %
ingr-niacinamide = Niacinamid 5 %
ingr-lactic = Milchsäure 5–10 %
ingr-gluconolactone = Gluconolacton (PHA)
ingr-retinol = Retinol 0,3 %
ingr-retinol-eye = Retinol 0,1 %
ingr-bakuchiol = Bakuchiol
ingr-caffeine = Koffein
ingr-peptides = Peptide
ingr-hyaluronic = Hyaluronsäure
ingr-panthenol = Panthenol (Vitamin B5)
ingr-centella = Centella asiatica
ingr-ceramide = Ceramid NP
reason-spf = { $level ->
    [None] Tägliche Vorbeugung gegen UV-Schäden
    [Mild] Leichte Zeichen von UV-Schäden; täglicher Schutz
    [Moderate] Mäßige Zeichen von UV-Schäden festgestellt
   *[Severe] Deutliche Zeichen von UV-Schäden festgestellt
}
reason-acne = Sichtbare Unreinheiten (Akne-Score { $score }/100)
reason-wrinkles = Feine Linien (Falten-Score { $score }/100)
reason-redness = Sichtbare Rötungen (Rötungs-Score { $score }/100)
reason-texture = Unebenes Hautbild (Hautbild-Score { $score }/100)
reason-pores = Sichtbare Poren (Poren-Score { $score }/100)
reason-dark-circles = Augenschatten (Score { $score }/100)
reason-eye-bags = Furchen unter den Unterlidern (Tränensack-Score { $score }/100)
reason-oiliness = Oberflächenglanz (Glanz-Score { $score }/100)
reason-firmness = Erschlaffung im unteren Gesicht (Festigkeits-Score { $score }/100)
reason-hydration = Niedrige geschätzte Hautfeuchtigkeit ({ $score } %)
reason-moisturiser = { $type ->
    [Dry] Ergänzt Lipide bei trockener Haut
    [Oily] Spendet Feuchtigkeit, ohne zu fetten
    [Combination] Gleicht die Feuchtigkeit aus, ohne zu beschweren
    [Sensitive] Stärkt eine reaktive Hautbarriere
   *[Normal] Erhält die Hautbarriere
}

## Ernährung
nut-omega3 = Omega-3-Fettsäuren (fetter Seefisch, Leinsamen, Walnüsse)
nut-zinc = Zink (Kürbiskerne, Hülsenfrüchte, Meeresfrüchte)
nut-low-gi = Mahlzeiten mit niedrigem glykämischem Index (Vollkorn, Hülsenfrüchte, Gemüse)
nut-vitc = Vitamin C (Zitrusfrüchte, Paprika, Kiwi)
nut-vite = Vitamin E (Mandeln, Sonnenblumenkerne, Avocado)
nut-green-tea = Polyphenole aus grünem Tee
nut-lycopene = Lycopin (gekochte Tomaten, Wassermelone)
nut-water = Über den Tag verteilt Wasser trinken (etwa 1,5–2 Liter)
nut-protein = Ausreichend Eiweiß (Fisch, Eier, Hülsenfrüchte)
nut-iron = Eisenreiche Lebensmittel (Blattgemüse, Linsen, rotes Fleisch)
nut-vita = Beta-Carotin (Karotten, Süßkartoffeln, Spinat)
nut-low-sodium = Weniger Salz, besonders abends (Salz bindet Wasser unter den Augen)

## 3-Monats-Prognose
proj-acne = Entzündliche Unreinheiten sollten deutlich zurückgehen (Akne-Score { $from } → { $to }).
proj-wrinkles = Feine Linien sprechen langsam an; eine moderate Glättung ist zu erwarten (Falten-Score { $from } → { $to }).
proj-redness = Rötungen sollten allmählich abklingen (Rötungs-Score { $from } → { $to }).
proj-texture = Das Hautbild sollte glatter und ebenmäßiger werden (Hautbild-Score { $from } → { $to }).
proj-pores = Die Poren sollten etwas feiner wirken (Poren-Score { $from } → { $to }).
proj-dark-circles = Augenschatten verändern sich langsam; eine leichte Besserung ist zu erwarten (Score { $from } → { $to }).
proj-eye-bags = Tränensäcke sind überwiegend anatomisch bedingt; eine Augencreme mildert sie nur wenig (Tränensack-Score { $from } → { $to }).
proj-oiliness = Der Glanz sollte über den Tag besser kontrolliert sein (Glanz-Score { $from } → { $to }).
proj-firmness = Die Festigkeit verändert sich in drei Monaten kaum; allenfalls ist eine leichte Unterstützung zu erwarten (Festigkeits-Score { $from } → { $to }).
proj-hydration = Die Hautfeuchtigkeit sollte sich innerhalb weniger Wochen verbessern (geschätzt { $from } % → { $to } %).
proj-overall = Mit täglichem Sonnenschutz und konsequenter Anwendung dieser Routine könnte der Gesamt-Hautscore in drei Monaten etwa { $projected }/100 erreichen; das Ergebnis hängt von der regelmäßigen Anwendung ab.

## Zusammenfassung
summary-profile = Der Gesamt-Hautscore beträgt { $score }/100 bei { $type ->
    [Normal] normaler Haut
    [Dry] trockener Haut
    [Oily] fettiger Haut
    [Combination] Mischhaut
   *[Sensitive] empfindlicher Haut
} und einem geschätzten Hautalter von { $age } Jahren.
summary-priorities = Schwerpunkte: { $c1 }, { $c2 } und { $c3 }.
summary-uv = { $level ->
    [None] Es wurden keine klaren Zeichen von Sonnenschäden gemessen; täglicher LSF 30+ bleibt dennoch ratsam.
    [Mild] Leichte Zeichen, die zu Sonnenexposition passen, sprechen für täglichen LSF 30+.
    [Moderate] Mäßige Zeichen, die zu Sonnenschäden passen, erfordern täglichen LSF 50+ und antioxidative Pflege.
   *[Severe] Deutliche Zeichen, die zu Sonnenschäden passen, erfordern täglichen LSF 50+ und eine dermatologische Hautkontrolle.
}
summary-gp = { $reason ->
    [acne] Die Zahl entzündlicher Läsionen spricht dafür, Behandlungsmöglichkeiten hausärztlich oder dermatologisch zu besprechen.
    [redness] Die ausgeprägte diffuse Rötung sollte hausärztlich oder dermatologisch abgeklärt werden.
   *[both] Die Zahl entzündlicher Läsionen und die ausgeprägte diffuse Rötung sollten hausärztlich oder dermatologisch abgeklärt werden.
}
summary-quality = Die Fotoqualität hat einige Messungen eingeschränkt ({ $issue ->
    [blur] geringe Schärfe
    [dark] schwache Beleuchtung
    [overexposed] Überbelichtung
    [cut-off] ein Teil des Gesichts liegt außerhalb des Bildes
    [turned] das Gesicht ist von der Kamera abgewandt
    [glasses] eine Brille verdeckt die Haut um die Augen
   *[small] Gesicht zu klein im Bild
}); eine neue Aufnahme bei gleichmäßigem Tageslicht würde das Ergebnis zuverlässiger machen.

## HTML-Bericht
html-brand = Dermis · SKINN-kompatibler Bericht
html-title = Hautanalyse-Bericht
html-patient-ref = Patientenreferenz
html-generated = Erstellt
html-skin-score = Hautscore
html-projected = Prognose in 3 Monaten
html-skin-age = Hautalter
html-skin-age-value = { $age } Jahre
html-skin-type = Hauttyp
html-uv-damage = UV-Schäden
html-hydration = Feuchtigkeit (Schätzung)
html-percent = { $pct } %
html-summary = Zusammenfassung
html-gp-title = Ärztliche Abklärung empfohlen
html-gp-text = Einige gemessene Befunde sollten hausärztlich oder dermatologisch abgeklärt werden. Dieser Bericht kann einzelne Muttermale oder Läsionen nicht beurteilen.
html-conditions = Beobachtungen
html-no-conditions = Keine Befunde oberhalb der Berichtsschwellen.
html-concerns = Vorrangige Anliegen
html-routine = Persönliche Pflegeroutine
html-morning = Morgens
html-evening = Abends
html-products = Empfohlene Produkte
html-product-type = Art
html-product-ingredient = Hauptwirkstoff
html-product-reason = Grund
html-nutrition = Ernährung für gesunde Haut
html-projection = 3-Monats-Prognose
html-metrics = Gemessene Werte
html-metric = Messgröße
html-score = Score
html-measurement = Messwert
html-score-scale = Scores von 0 bis 100; höher ist gesünder.
html-skin-tone = Hautton
html-fitzpatrick = Fitzpatrick-Typ (Fotoschätzung)
html-ita = ITA-Winkel
html-monk = Monk-Hautton
html-undertone = Unterton
html-photo-quality = Fotoqualität
html-sharpness = Schärfe
html-exposure = Belichtung (mittleres L*)
html-face-in-photo = Gesicht im Bild
html-head-turn = Kopfdrehung zur Kamera
html-glasses = Brille
html-glasses-effect = Haut um die Augen ausgelassen
html-not-measured = nicht gemessen
html-disclaimer-title = Kein Medizinprodukt · keine Diagnose
html-disclaimer = Dieser Bericht wird automatisch aus einem einzelnen Foto erstellt. Scores und Schätzungen (einschließlich Feuchtigkeit, Hautalter und UV-Schäden) sind aus Bildmessungen abgeleitete Indikatoren und können durch Licht, Make-up und Kameraeinstellungen beeinflusst werden. Muttermale und einzelne Hautveränderungen werden nicht untersucht: Jede neue, sich verändernde, blutende oder ungewöhnliche Stelle sollte ärztlich untersucht werden.
html-footer = Dermis · selbst gehostete Hautanalyse · SKINN-AI-kompatibles Format

## Messgrößen und Einheiten
metric-acne = Akne
metric-pigmentation = Pigmentflecken
metric-wrinkles = Falten (gesamt)
metric-wrinkles-forehead = Stirnfalten
metric-wrinkles-crow-feet = Krähenfüße
metric-wrinkles-nasolabial = Nasolabialfalten
metric-wrinkles-glabella = Zornesfalte
metric-redness = Rötung
metric-texture = Hautbild
metric-pores = Poren
metric-dark-circles = Augenschatten
metric-eye-bags = Tränensäcke
metric-oiliness = Glanz (Talg)
metric-firmness = Festigkeit
unit-lesions = { $value } { $value ->
    [one] Läsion
   *[other] Läsionen
}
unit-spots = { $value } { $value ->
    [one] Fleck
   *[other] Flecken
}
unit-lines = { $value } % der Fläche mit Linien
unit-fold = { $value } % der Faltenlänge mit Linie
unit-pores = { $value } Poren pro cm²
unit-redness = { $value } (mittleres a* über 12)
unit-shine = { $value } % der Haut mit Glanz
unit-texture = { $value } (RMS-L*-Detail)
unit-dark-circles = { $value } (ΔL* Wange − unter dem Auge)
unit-eye-bags = { $value } % der Lidbreite mit Furche darunter
unit-firmness = { $value } (Absenkungsindex, % IOD)

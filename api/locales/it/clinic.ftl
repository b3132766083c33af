# Referto clinico Dermis (compatibile con SKINN AI) — italiano.

## Aree prioritarie
area-acne = Controllo delle imperfezioni
area-wrinkles = Linee sottili e rughe
area-redness = Rossori e sensibilità
area-texture = Affinamento della grana
area-pores = Cura dei pori
area-dark-circles = Occhiaie
area-oiliness = Controllo del sebo
area-firmness = Tonicità e contorno
area-eye-bags = Borse sotto gli occhi
area-hydration = Idratazione e barriera cutanea

## Riscontri
cond-acne = { $severity ->
    [mild] Acne lieve (lesioni visibili: { $count })
    [moderate] Acne moderata (lesioni visibili: { $count })
   *[marked] Acne marcata (lesioni visibili: { $count })
}
cond-wrinkles = { $severity ->
    [mild] Rughe lievi
    [moderate] Rughe moderate
   *[marked] Rughe marcate
} ({ $region ->
    [forehead] fronte
    [crow-feet] zampe di gallina
    [nasolabial] solchi nasolabiali
   *[glabella] ruga del leone
})
cond-redness = { $severity ->
    [mild] Arrossamento diffuso lieve
    [moderate] Arrossamento diffuso moderato
   *[marked] Arrossamento diffuso marcato
}
cond-texture = { $severity ->
    [mild] Grana della pelle leggermente irregolare
    [moderate] Grana della pelle moderatamente irregolare
   *[marked] Grana della pelle nettamente irregolare
}
cond-pores = { $severity ->
    [mild] Pori leggermente dilatati
    [moderate] Pori moderatamente dilatati
   *[marked] Pori nettamente dilatati
}
cond-dark-circles = { $severity ->
    [mild] Occhiaie lievi
    [moderate] Occhiaie moderate
   *[marked] Occhiaie marcate
}
cond-eye-bags = { $severity ->
    [mild] Borse sotto gli occhi lievi
    [moderate] Borse sotto gli occhi moderate
   *[marked] Borse sotto gli occhi marcate
}
cond-oiliness = { $severity ->
    [mild] Lucidità cutanea lieve (sebo)
    [moderate] Lucidità cutanea moderata (sebo)
   *[marked] Lucidità cutanea marcata (sebo)
}
cond-firmness = { $severity ->
    [mild] Lieve perdita di tonicità del terzo inferiore del viso
    [moderate] Moderata perdita di tonicità del terzo inferiore del viso
   *[marked] Marcata perdita di tonicità del terzo inferiore del viso
}
cond-hydration = { $severity ->
    [mild] Disidratazione lieve (stimata)
    [moderate] Disidratazione moderata (stimata)
   *[marked] Disidratazione marcata (stimata)
}

## Nomi dei valori del contratto
skin-type-name = { $type ->
    [Normal] Normale
    [Dry] Secca
    [Oily] Grassa
    [Combination] Mista
   *[Sensitive] Sensibile
}
uv-name = { $level ->
    [None] Nessuno
    [Mild] Lieve
    [Moderate] Moderato
   *[Severe] Grave
}
undertone = { $u ->
    [warm] Caldo
    [cool] Freddo
   *[neutral] Neutro
}

## Passaggi della routine
step-cleanser-gel = Gel detergente schiumogeno
step-cleanser-foam = Detergente delicato a bassa schiuma
step-cleanser-cream = Detergente in crema non schiumogeno
step-cleanser-milk = Latte detergente senza profumo
step-cleanser-gentle = Detergente delicato a pH fisiologico
step-cleanser-double = Olio detergente, poi gel detergente (doppia detersione)
step-cleanser-micellar = Acqua micellare, poi detergente delicato
step-serum-niacinamide = Siero alla niacinamide 5%
step-serum-soothing = Siero lenitivo alla Centella asiatica
step-serum-vitc = Siero alla vitamina C (acido L-ascorbico 10–15%)
step-serum-vitc-gentle = Siero con derivato della vitamina C (ascorbil glucoside)
step-serum-peptide = Siero ai peptidi
step-serum-hyaluronic = Siero all'acido ialuronico sulla pelle umida
step-serum-panthenol = Siero al pantenolo (vitamina B5) e acido ialuronico
step-eye-caffeine = Siero contorno occhi alla caffeina
step-eye-peptide = Crema contorno occhi ai peptidi
step-eye-retinol = Crema contorno occhi al retinolo 0,1%, iniziando con 2 sere a settimana
step-active-bha = Acido salicilico 2% (BHA), 3 sere a settimana
step-active-azelaic = Acido azelaico 10% in gel o crema
step-active-aha = Acido lattico 5–10% (AHA), 2–3 sere a settimana
step-active-pha = Gluconolattone (PHA), 2–3 sere a settimana
step-active-retinol = Retinolo 0,3%, iniziando con 2 sere a settimana
step-active-bakuchiol = Siero al bakuchiol (alternativa delicata al retinolo)
step-moist-gel = Idratante in gel oil-free
step-moist-lotion = Lozione idratante leggera
step-moist-rich = Crema ricca alle ceramidi
step-moist-barrier = Crema barriera senza profumo alle ceramidi
step-moist-hyaluronic = Idratante all'acido ialuronico
step-night-gel = Gel-crema oil-free
step-night-lotion = Lozione notte alle ceramidi
step-night-rich = Crema notte nutriente alle ceramidi
step-night-barrier = Balsamo senza profumo al pantenolo e alle ceramidi
step-night-ceramide = Crema riparatrice alle ceramidi
step-spf = { $level ->
    [high] Protezione solare ad ampio spettro SPF 50+, da riapplicare ogni 2 ore all'aperto
   *[standard] Protezione solare ad ampio spettro SPF 30+
}
step-spf-mineral = Protezione solare minerale SPF 50+ (ossido di zinco)

## Prodotti
ptype-sunscreen = Protezione solare
ptype-serum = Siero
ptype-exfoliant = Esfoliante
ptype-treatment = Trattamento
ptype-eye-cream = Contorno occhi
ptype-moisturiser = Idratante
ingr-zinc-oxide = Ossido di zinco
ingr-uv-filters = Filtri UVA/UVB ad ampio spettro
ingr-salicylic = Acido salicilico 2%
ingr-azelaic = Acido azelaico 10%
ingr-niacinamide = Niacinamide 5%
ingr-lactic = Acido lattico 5–10%
ingr-gluconolactone = Gluconolattone (PHA)
ingr-retinol = Retinolo 0,3%
ingr-retinol-eye = Retinolo 0,1%
ingr-bakuchiol = Bakuchiol
ingr-caffeine = Caffeina
ingr-peptides = Peptidi
ingr-hyaluronic = Acido ialuronico
ingr-panthenol = Pantenolo (vitamina B5)
ingr-centella = Centella asiatica
ingr-ceramide = Ceramide NP
reason-spf = { $level ->
    [None] Prevenzione quotidiana dei danni UV
    [Mild] Lievi segni di danno UV; protezione quotidiana
    [Moderate] Rilevati segni moderati di danno UV
   *[Severe] Rilevati segni marcati di danno UV
}
reason-acne = Imperfezioni visibili (punteggio acne { $score }/100)
reason-wrinkles = Linee sottili (punteggio rughe { $score }/100)
reason-redness = Rossori visibili (punteggio rossore { $score }/100)
reason-texture = Grana irregolare (punteggio grana { $score }/100)
reason-pores = Pori visibili (punteggio pori { $score }/100)
reason-dark-circles = Occhiaie (punteggio { $score }/100)
reason-eye-bags = Solchi sotto le palpebre inferiori (punteggio borse { $score }/100)
reason-oiliness = Lucidità (punteggio sebo { $score }/100)
reason-firmness = Rilassamento del terzo inferiore (punteggio tonicità { $score }/100)
reason-hydration = Idratazione stimata bassa ({ $score }%)
reason-moisturiser = { $type ->
    [Dry] Reintegra i lipidi della pelle secca
    [Oily] Idrata senza ungere
    [Combination] Riequilibra l'idratazione senza appesantire
    [Sensitive] Sostiene una barriera cutanea reattiva
   *[Normal] Mantiene la barriera cutanea
}

## Nutrizione
nut-omega3 = Acidi grassi omega-3 (pesce azzurro, semi di lino, noci)
nut-zinc = Zinco (semi di zucca, legumi, frutti di mare)
nut-low-gi = Pasti a basso indice glicemico (cereali integrali, legumi, verdure)
nut-vitc = Vitamina C (agrumi, peperoni, kiwi)
nut-vite = Vitamina E (mandorle, semi di girasole, avocado)
nut-green-tea = Polifenoli del tè verde
nut-lycopene = Licopene (pomodori cotti, anguria)
nut-water = Acqua durante tutta la giornata (circa 1,5–2 litri)
nut-protein = Proteine in quantità adeguata (pesce, uova, legumi)
nut-iron = Alimenti ricchi di ferro (verdure a foglia verde, lenticchie, carne rossa)
nut-vita = Beta-carotene (carote, patate dolci, spinaci)
nut-low-sodium = Meno sale, soprattutto la sera (il sale trattiene liquidi sotto gli occhi)

## Proiezione a 3 mesi
proj-acne = Le imperfezioni attive dovrebbero ridursi in modo evidente (punteggio acne { $from } → { $to }).
proj-wrinkles = Le linee sottili rispondono lentamente; è prevedibile una moderata attenuazione (punteggio rughe { $from } → { $to }).
proj-redness = I rossori dovrebbero attenuarsi gradualmente (punteggio rossore { $from } → { $to }).
proj-texture = La grana della pelle dovrebbe diventare più liscia e uniforme (punteggio grana { $from } → { $to }).
proj-pores = I pori dovrebbero apparire un po' più affinati (punteggio pori { $from } → { $to }).
proj-dark-circles = Le occhiaie cambiano lentamente; è prevedibile un lieve miglioramento (punteggio { $from } → { $to }).
proj-eye-bags = Le borse sono soprattutto strutturali; una crema contorno occhi le attenua solo leggermente (punteggio borse { $from } → { $to }).
proj-oiliness = La lucidità dovrebbe essere meglio controllata nel corso della giornata (punteggio sebo { $from } → { $to }).
proj-firmness = La tonicità cambia poco in tre mesi; al massimo ci si può attendere un lieve sostegno (punteggio tonicità { $from } → { $to }).
proj-hydration = L'idratazione dovrebbe migliorare nel giro di poche settimane (stima { $from }% → { $to }%).
proj-overall = Con la protezione solare quotidiana e un uso costante di questa routine, il punteggio complessivo della pelle potrebbe raggiungere circa { $projected }/100 in tre mesi; i risultati dipendono dalla costanza.

## Sintesi
summary-profile = Il punteggio complessivo della pelle è { $score }/100, con pelle { $type ->
    [Normal] normale
    [Dry] secca
    [Oily] grassa
    [Combination] mista
   *[Sensitive] sensibile
} ed età cutanea stimata di { $age } anni.
summary-priorities = Aree prioritarie: { $c1 }, { $c2 } e { $c3 }.
summary-uv = { $level ->
    [None] Non sono stati misurati segni evidenti di danno solare; resta comunque consigliata una protezione SPF 30+ quotidiana.
    [Mild] Lievi segni compatibili con l'esposizione solare suggeriscono l'uso quotidiano di SPF 30+.
    [Moderate] Segni moderati compatibili con danno solare richiedono SPF 50+ quotidiano e un supporto antiossidante.
   *[Severe] Segni marcati compatibili con danno solare richiedono SPF 50+ quotidiano e una valutazione cutanea professionale.
}
summary-gp = { $reason ->
    [acne] Il numero di lesioni infiammatorie suggerisce di valutare le opzioni di trattamento con il medico di base o un dermatologo.
    [redness] L'arrossamento diffuso marcato merita una valutazione da parte del medico di base o di un dermatologo.
   *[both] Il numero di lesioni infiammatorie e l'arrossamento diffuso marcato meritano una valutazione da parte del medico di base o di un dermatologo.
}
summary-quality = La qualità della foto ha limitato alcune misurazioni ({ $issue ->
    [blur] scarsa nitidezza
    [dark] illuminazione scarsa
    [overexposed] sovraesposizione
    [cut-off] parte del volto è fuori dall'inquadratura
    [turned] il volto è girato rispetto alla fotocamera
    [glasses] gli occhiali coprono la pelle intorno agli occhi
   *[small] volto troppo piccolo nell'inquadratura
}); una nuova foto con luce naturale uniforme renderebbe il risultato più affidabile.

## Referto HTML
html-brand = Dermis · referto compatibile SKINN
html-title = Referto di analisi della pelle
html-patient-ref = Riferimento paziente
html-generated = Generato il
html-skin-score = Punteggio della pelle
html-projected = Proiezione a 3 mesi
html-skin-age = Età della pelle
html-skin-age-value = { $age } anni
html-skin-type = Tipo di pelle
html-uv-damage = Danno UV
html-hydration = Idratazione (stima)
html-percent = { $pct }%
html-summary = Sintesi
html-gp-title = Si consiglia una valutazione medica
html-gp-text = Alcuni riscontri misurati meritano di essere mostrati al medico di base o a un dermatologo. Questo referto non può valutare singoli nei o lesioni.
html-conditions = Osservazioni
html-no-conditions = Nessun riscontro oltre le soglie del referto.
html-concerns = Aspetti prioritari
html-routine = Routine personalizzata
html-morning = Mattina
html-evening = Sera
html-products = Prodotti consigliati
html-product-type = Tipo
html-product-ingredient = Ingrediente chiave
html-product-reason = Motivazione
html-nutrition = Nutrizione per la pelle
html-projection = Proiezione a 3 mesi
html-metrics = Parametri misurati
html-metric = Parametro
html-score = Punteggio
html-measurement = Misura
html-score-scale = Punteggi da 0 a 100; più alto significa più sano.
html-skin-tone = Tono della pelle
html-fitzpatrick = Fototipo di Fitzpatrick (stima da foto)
html-ita = Angolo ITA
html-monk = Tono Monk
html-undertone = Sottotono
html-photo-quality = Qualità della foto
html-sharpness = Nitidezza
html-exposure = Esposizione (L* medio)
html-face-in-photo = Volto nella foto
html-head-turn = Rotazione della testa rispetto alla fotocamera
html-glasses = Occhiali
html-glasses-effect = pelle intorno agli occhi esclusa
html-not-measured = non misurato
html-disclaimer-title = Non è un dispositivo medico · non è una diagnosi
html-disclaimer = Questo referto è generato automaticamente a partire da una sola fotografia. Punteggi e stime (compresi idratazione, età della pelle e danno UV) sono indicatori derivati da misurazioni dell'immagine e possono essere influenzati da illuminazione, trucco e impostazioni della fotocamera. Non esamina nei né singole lesioni: qualsiasi macchia nuova, che cambia, sanguina o appare insolita deve essere valutata da un medico.
html-footer = Dermis · analisi della pelle self-hosted · formato compatibile SKINN AI

## Nomi dei parametri e unità
metric-acne = Acne
metric-pigmentation = Macchie pigmentarie
metric-wrinkles = Rughe (complessivo)
metric-wrinkles-forehead = Rughe della fronte
metric-wrinkles-crow-feet = Zampe di gallina
metric-wrinkles-nasolabial = Solchi nasolabiali
metric-wrinkles-glabella = Ruga del leone
metric-redness = Rossore
metric-texture = Grana
metric-pores = Pori
metric-dark-circles = Occhiaie
metric-eye-bags = Borse sotto gli occhi
metric-oiliness = Lucidità (sebo)
metric-firmness = Tonicità
unit-lesions = { $value } { $value ->
    [one] lesione
   *[other] lesioni
}
unit-spots = { $value } { $value ->
    [one] macchia
   *[other] macchie
}
unit-lines = { $value }% dell'area con rughe
unit-fold = { $value }% della lunghezza della piega con una ruga
unit-pores = { $value } pori per cm²
unit-redness = { $value } (a* medio oltre 12)
unit-shine = { $value }% di pelle lucida
unit-texture = { $value } (dettaglio L*, RMS)
unit-dark-circles = { $value } (ΔL* guancia − sotto l'occhio)
unit-eye-bags = { $value }% della larghezza delle palpebre con un solco sotto
unit-firmness = { $value } (indice di cedimento, % DIO)

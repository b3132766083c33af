# Informe clínico Dermis (compatible con SKINN AI) — español.

## Áreas prioritarias
area-acne = Control de brotes
area-wrinkles = Líneas de expresión y arrugas
area-redness = Rojeces y sensibilidad
area-texture = Afinamiento de la textura
area-pores = Cuidado de los poros
area-dark-circles = Ojeras
area-oiliness = Control del sebo
area-firmness = Firmeza y contorno
area-eye-bags = Bolsas bajo los ojos
area-hydration = Hidratación y función barrera

## Hallazgos
cond-acne = { $severity ->
    [mild] Acné leve (lesiones visibles: { $count })
    [moderate] Acné moderado (lesiones visibles: { $count })
   *[marked] Acné marcado (lesiones visibles: { $count })
}
cond-wrinkles = { $severity ->
    [mild] Líneas leves
    [moderate] Líneas moderadas
   *[marked] Líneas marcadas
} ({ $region ->
    [forehead] frente
    [crow-feet] patas de gallo
    [nasolabial] surcos nasogenianos
   *[glabella] entrecejo
})
cond-redness = { $severity ->
    [mild] Enrojecimiento difuso leve
    [moderate] Enrojecimiento difuso moderado
   *[marked] Enrojecimiento difuso marcado
}
cond-texture = { $severity ->
    [mild] Textura de la piel ligeramente irregular
    [moderate] Textura de la piel moderadamente irregular
   *[marked] Textura de la piel claramente irregular
}
cond-pores = { $severity ->
    [mild] Poros ligeramente dilatados
    [moderate] Poros moderadamente dilatados
   *[marked] Poros claramente dilatados
}
cond-dark-circles = { $severity ->
    [mild] Oscurecimiento periorbitario leve
    [moderate] Oscurecimiento periorbitario moderado
   *[marked] Oscurecimiento periorbitario marcado
}
cond-eye-bags = { $severity ->
    [mild] Bolsas bajo los ojos leves
    [moderate] Bolsas bajo los ojos moderadas
   *[marked] Bolsas bajo los ojos marcadas
}
cond-oiliness = { $severity ->
    [mild] Brillo superficial leve (sebo)
    [moderate] Brillo superficial moderado (sebo)
   *[marked] Brillo superficial marcado (sebo)
}
cond-firmness = { $severity ->
    [mild] Leve pérdida de firmeza en el tercio inferior del rostro
    [moderate] Pérdida moderada de firmeza en el tercio inferior del rostro
   *[marked] Pérdida marcada de firmeza en el tercio inferior del rostro
}
cond-hydration = { $severity ->
    [mild] Deshidratación leve (estimada)
    [moderate] Deshidratación moderada (estimada)
   *[marked] Deshidratación marcada (estimada)
}

## Nombres de los valores del contrato
skin-type-name = { $type ->
    [Normal] Normal
    [Dry] Seca
    [Oily] Grasa
    [Combination] Mixta
   *[Sensitive] Sensible
}
uv-name = { $level ->
    [None] Ninguno
    [Mild] Leve
    [Moderate] Moderado
   *[Severe] Grave
}
undertone = { $u ->
    [warm] Cálido
    [cool] Frío
   *[neutral] Neutro
}

## Pasos de la rutina
step-cleanser-gel = Gel limpiador espumoso
step-cleanser-foam = Limpiador suave de espuma ligera
step-cleanser-cream = Limpiador en crema sin espuma
step-cleanser-milk = Leche limpiadora sin perfume
step-cleanser-gentle = Limpiador suave de pH equilibrado
step-cleanser-double = Aceite limpiador y después gel limpiador (doble limpieza)
step-cleanser-micellar = Agua micelar y después limpiador suave
step-serum-niacinamide = Sérum de niacinamida al 5 %
step-serum-soothing = Sérum calmante de Centella asiatica
step-serum-vitc = Sérum de vitamina C (ácido L-ascórbico al 10–15 %)
step-serum-vitc-gentle = Sérum con derivado de vitamina C (ascorbil glucósido)
step-serum-peptide = Sérum de péptidos
step-serum-hyaluronic = Sérum de ácido hialurónico sobre la piel húmeda
step-serum-panthenol = Sérum de pantenol (vitamina B5) y ácido hialurónico
step-eye-caffeine = Sérum de contorno de ojos con cafeína
step-eye-peptide = Crema de contorno de ojos con péptidos
step-eye-retinol = Crema de contorno de ojos con retinol al 0,1 %, empezando 2 noches por semana
step-active-bha = Ácido salicílico al 2 % (BHA), 3 noches por semana
step-active-azelaic = Ácido azelaico al 10 % en gel o crema
step-active-aha = Ácido láctico al 5–10 % (AHA), 2–3 noches por semana
step-active-pha = Gluconolactona (PHA), 2–3 noches por semana
step-active-retinol = Retinol al 0,3 %, empezando 2 noches por semana
step-active-bakuchiol = Sérum de bakuchiol (alternativa suave al retinol)
step-moist-gel = Hidratante en gel sin aceites
step-moist-lotion = Loción hidratante ligera
step-moist-rich = Crema rica con ceramidas
step-moist-barrier = Crema barrera sin perfume con ceramidas
step-moist-hyaluronic = Hidratante con ácido hialurónico
step-night-gel = Gel-crema sin aceites
step-night-lotion = Loción de noche con ceramidas
step-night-rich = Crema de noche nutritiva con ceramidas
step-night-barrier = Bálsamo sin perfume con pantenol y ceramidas
step-night-ceramide = Crema reparadora con ceramidas
step-spf = { $level ->
    [high] Protector solar de amplio espectro SPF 50+, reaplicado cada 2 horas al aire libre
   *[standard] Protector solar de amplio espectro SPF 30+
}
step-spf-mineral = Protector solar mineral SPF 50+ (óxido de zinc)

## Productos
ptype-sunscreen = Protector solar
ptype-serum = Sérum
ptype-exfoliant = Exfoliante
ptype-treatment = Tratamiento
ptype-eye-cream = Contorno de ojos
ptype-moisturiser = Hidratante
ingr-zinc-oxide = Óxido de zinc
ingr-uv-filters = Filtros UVA/UVB de amplio espectro
ingr-salicylic = Ácido salicílico al 2 %
ingr-azelaic = Ácido azelaico al 10 %
ingr-niacinamide = Niacinamida al 5 %
ingr-lactic = Ácido láctico al 5–10 %
ingr-gluconolactone = Gluconolactona (PHA)
ingr-retinol = Retinol al 0,3 %
ingr-retinol-eye = Retinol al 0,1 %
ingr-bakuchiol = Bakuchiol
ingr-caffeine = Cafeína
ingr-peptides = Péptidos
ingr-hyaluronic = Ácido hialurónico
ingr-panthenol = Pantenol (vitamina B5)
ingr-centella = Centella asiatica
ingr-ceramide = Ceramida NP
reason-spf = { $level ->
    [None] Prevención diaria del daño UV
    [Mild] Signos leves de daño UV; protección diaria
    [Moderate] Signos moderados de daño UV detectados
   *[Severe] Signos marcados de daño UV detectados
}
reason-acne = Brotes visibles (puntuación de acné { $score }/100)
reason-wrinkles = Líneas finas (puntuación de arrugas { $score }/100)
reason-redness = Rojeces visibles (puntuación de rojez { $score }/100)
reason-texture = Textura irregular (puntuación de textura { $score }/100)
reason-pores = Poros visibles (puntuación de poros { $score }/100)
reason-dark-circles = Ojeras (puntuación { $score }/100)
reason-eye-bags = Surcos bajo los párpados inferiores (puntuación de bolsas { $score }/100)
reason-oiliness = Brillo superficial (puntuación de sebo { $score }/100)
reason-firmness = Flacidez del tercio inferior (puntuación de firmeza { $score }/100)
reason-hydration = Hidratación estimada baja ({ $score } %)
reason-moisturiser = { $type ->
    [Dry] Repone los lípidos de la piel seca
    [Oily] Hidrata sin aportar grasa
    [Combination] Equilibra la hidratación sin sensación pesada
    [Sensitive] Refuerza una barrera cutánea reactiva
   *[Normal] Mantiene la barrera cutánea
}

## Nutrición
nut-omega3 = Ácidos grasos omega-3 (pescado azul, linaza, nueces)
nut-zinc = Zinc (semillas de calabaza, legumbres, marisco)
nut-low-gi = Comidas de bajo índice glucémico (cereales integrales, legumbres, verduras)
nut-vitc = Vitamina C (cítricos, pimientos, kiwi)
nut-vite = Vitamina E (almendras, pipas de girasol, aguacate)
nut-green-tea = Polifenoles del té verde
nut-lycopene = Licopeno (tomate cocinado, sandía)
nut-water = Agua a lo largo del día (unos 1,5–2 litros)
nut-protein = Proteína suficiente (pescado, huevos, legumbres)
nut-iron = Alimentos ricos en hierro (verduras de hoja verde, lentejas, carne roja)
nut-vita = Betacaroteno (zanahoria, boniato, espinacas)
nut-low-sodium = Menos sal, sobre todo por la noche (la sal retiene líquido bajo los ojos)

## Proyección a 3 meses
proj-acne = Los brotes activos deberían remitir de forma notable (puntuación de acné { $from } → { $to }).
proj-wrinkles = Las líneas finas responden despacio; se espera una atenuación moderada (puntuación de arrugas { $from } → { $to }).
proj-redness = Las rojeces deberían calmarse de forma gradual (puntuación de rojez { $from } → { $to }).
proj-texture = La textura de la piel debería volverse más lisa y uniforme (puntuación de textura { $from } → { $to }).
proj-pores = Los poros deberían verse algo más afinados (puntuación de poros { $from } → { $to }).
proj-dark-circles = Las ojeras cambian despacio; se espera una ligera mejoría (puntuación { $from } → { $to }).
proj-eye-bags = Las bolsas son sobre todo estructurales; una crema de contorno de ojos solo las suaviza ligeramente (puntuación de bolsas { $from } → { $to }).
proj-oiliness = El brillo debería estar mejor controlado durante el día (puntuación de sebo { $from } → { $to }).
proj-firmness = La firmeza cambia poco en tres meses; como mucho cabe esperar un ligero refuerzo (puntuación de firmeza { $from } → { $to }).
proj-hydration = La hidratación debería mejorar en pocas semanas (estimación { $from } % → { $to } %).
proj-overall = Con protección solar diaria y un uso constante de esta rutina, la puntuación global de la piel podría alcanzar unos { $projected }/100 en tres meses; los resultados dependen de la constancia.

## Resumen
summary-profile = La puntuación global de la piel es { $score }/100, con piel { $type ->
    [Normal] normal
    [Dry] seca
    [Oily] grasa
    [Combination] mixta
   *[Sensitive] sensible
} y una edad cutánea estimada de { $age } años.
summary-priorities = Áreas prioritarias: { $c1 }, { $c2 } y { $c3 }.
summary-uv = { $level ->
    [None] No se midieron signos claros de daño solar; aun así, se recomienda SPF 30+ a diario.
    [Mild] Los signos leves compatibles con exposición solar aconsejan usar SPF 30+ a diario.
    [Moderate] Los signos moderados compatibles con daño solar requieren SPF 50+ a diario y apoyo antioxidante.
   *[Severe] Los signos marcados compatibles con daño solar requieren SPF 50+ a diario y una revisión cutánea profesional.
}
summary-gp = { $reason ->
    [acne] El número de lesiones inflamatorias aconseja valorar opciones de tratamiento con el médico de cabecera o un dermatólogo.
    [redness] Conviene que el médico de cabecera o un dermatólogo valore el enrojecimiento difuso marcado.
   *[both] Conviene que el médico de cabecera o un dermatólogo valore el número de lesiones inflamatorias y el enrojecimiento difuso marcado.
}
summary-quality = La calidad de la foto ha limitado algunas mediciones ({ $issue ->
    [blur] poca nitidez
    [dark] iluminación escasa
    [overexposed] sobreexposición
    [cut-off] parte del rostro queda fuera del encuadre
    [turned] el rostro está girado respecto a la cámara
    [glasses] las gafas cubren la piel alrededor de los ojos
   *[small] el rostro aparece pequeño en el encuadre
}); repetir la foto con luz natural uniforme haría el resultado más fiable.

## Informe HTML
html-brand = Dermis · informe compatible con SKINN
html-title = Informe de análisis de la piel
html-patient-ref = Referencia del paciente
html-generated = Generado
html-skin-score = Puntuación de la piel
html-projected = Proyección a 3 meses
html-skin-age = Edad de la piel
html-skin-age-value = { $age } años
html-skin-type = Tipo de piel
html-uv-damage = Daño UV
html-hydration = Hidratación (estimación)
html-percent = { $pct } %
html-summary = Resumen
html-gp-title = Se recomienda valoración médica
html-gp-text = Algunos hallazgos medidos conviene mostrarlos al médico de cabecera o a un dermatólogo. Este informe no puede valorar lunares ni lesiones individuales.
html-conditions = Observaciones
html-no-conditions = Ningún hallazgo supera los umbrales del informe.
html-concerns = Aspectos prioritarios
html-routine = Rutina personalizada
html-morning = Mañana
html-evening = Noche
html-products = Productos recomendados
html-product-type = Tipo
html-product-ingredient = Ingrediente clave
html-product-reason = Motivo
html-nutrition = Nutrición para la piel
html-projection = Proyección a 3 meses
html-metrics = Parámetros medidos
html-metric = Parámetro
html-score = Puntuación
html-measurement = Medición
html-score-scale = Puntuaciones de 0 a 100; cuanto más alta, más sana.
html-skin-tone = Tono de piel
html-fitzpatrick = Fototipo de Fitzpatrick (estimación por foto)
html-ita = Ángulo ITA
html-monk = Tono de piel Monk
html-undertone = Subtono
html-photo-quality = Calidad de la foto
html-sharpness = Nitidez
html-exposure = Exposición (L* medio)
html-face-in-photo = Rostro dentro de la foto
html-head-turn = Giro de la cabeza respecto a la cámara
html-glasses = Gafas
html-glasses-effect = piel alrededor de los ojos excluida
html-not-measured = no medido
html-disclaimer-title = No es un producto sanitario · no es un diagnóstico
html-disclaimer = Este informe se genera automáticamente a partir de una sola fotografía. Las puntuaciones y estimaciones (incluidas la hidratación, la edad de la piel y el daño UV) son indicadores derivados de mediciones de la imagen y pueden verse afectadas por la iluminación, el maquillaje y los ajustes de la cámara. No examina lunares ni lesiones individuales: cualquier mancha nueva, que cambie, sangre o resulte inusual debe valorarla un médico.
html-footer = Dermis · análisis de la piel autoalojado · formato compatible con SKINN AI

## Nombres de parámetros y unidades
metric-acne = Acné
metric-pigmentation = Manchas de pigmentación
metric-wrinkles = Arrugas (global)
metric-wrinkles-forehead = Líneas de la frente
metric-wrinkles-crow-feet = Patas de gallo
metric-wrinkles-nasolabial = Surcos nasogenianos
metric-wrinkles-glabella = Entrecejo
metric-redness = Rojez
metric-texture = Textura
metric-pores = Poros
metric-dark-circles = Ojeras
metric-eye-bags = Bolsas bajo los ojos
metric-oiliness = Brillo (sebo)
metric-firmness = Firmeza
unit-lesions = { $value } { $value ->
    [one] lesión
   *[other] lesiones
}
unit-spots = { $value } { $value ->
    [one] mancha
   *[other] manchas
}
unit-lines = { $value } % de la zona con líneas
unit-fold = { $value } % de la longitud del pliegue con línea
unit-pores = { $value } poros por cm²
unit-redness = { $value } (a* medio por encima de 12)
unit-shine = { $value } % de piel con brillo
unit-texture = { $value } (detalle L*, RMS)
unit-dark-circles = { $value } (ΔL* mejilla − bajo el ojo)
unit-eye-bags = { $value } % del ancho del párpado con un surco debajo
unit-firmness = { $value } (índice de descolgamiento, % DIO)

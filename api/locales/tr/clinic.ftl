# Dermis klinik raporu (SKINN AI uyumlu) — Türkçe.
# Yüzde işareti Türkçede sayının önüne gelir: %72.

## Öncelikli alanlar
area-acne = Sivilce kontrolü
area-wrinkles = İnce çizgiler ve kırışıklıklar
area-redness = Kızarıklık ve hassasiyet
area-texture = Cilt dokusunun iyileştirilmesi
area-pores = Gözenek bakımı
area-dark-circles = Göz altı halkaları
area-oiliness = Sebum kontrolü
area-firmness = Sıkılık ve yüz hatları
area-eye-bags = Göz altı torbaları
area-hydration = Nem ve bariyer desteği

## Bulgular
cond-acne = { $severity ->
    [mild] Hafif akne aktivitesi (görünür lezyon: { $count })
    [moderate] Orta düzeyde akne aktivitesi (görünür lezyon: { $count })
   *[marked] Belirgin akne aktivitesi (görünür lezyon: { $count })
}
cond-wrinkles = { $severity ->
    [mild] Hafif çizgiler
    [moderate] Orta düzeyde çizgiler
   *[marked] Belirgin çizgiler
} ({ $region ->
    [forehead] alın
    [crow-feet] kaz ayakları
    [nasolabial] nazolabial kıvrımlar
   *[glabella] kaş arası çizgileri
})
cond-redness = { $severity ->
    [mild] Hafif yaygın kızarıklık
    [moderate] Orta düzeyde yaygın kızarıklık
   *[marked] Belirgin yaygın kızarıklık
}
cond-texture = { $severity ->
    [mild] Hafifçe düzensiz cilt dokusu
    [moderate] Orta düzeyde düzensiz cilt dokusu
   *[marked] Belirgin derecede düzensiz cilt dokusu
}
cond-pores = { $severity ->
    [mild] Hafifçe genişlemiş gözenekler
    [moderate] Orta düzeyde genişlemiş gözenekler
   *[marked] Belirgin derecede genişlemiş gözenekler
}
cond-dark-circles = { $severity ->
    [mild] Hafif göz çevresi koyulaşması
    [moderate] Orta düzeyde göz çevresi koyulaşması
   *[marked] Belirgin göz çevresi koyulaşması
}
cond-eye-bags = { $severity ->
    [mild] Hafif göz altı torbaları
    [moderate] Orta düzeyde göz altı torbaları
   *[marked] Belirgin göz altı torbaları
}
cond-oiliness = { $severity ->
    [mild] Hafif yüzey parlaklığı (sebum)
    [moderate] Orta düzeyde yüzey parlaklığı (sebum)
   *[marked] Belirgin yüzey parlaklığı (sebum)
}
cond-firmness = { $severity ->
    [mild] Yüzün alt bölümünde hafif sıkılık kaybı
    [moderate] Yüzün alt bölümünde orta düzeyde sıkılık kaybı
   *[marked] Yüzün alt bölümünde belirgin sıkılık kaybı
}
cond-hydration = { $severity ->
    [mild] Hafif nem kaybı (tahmini)
    [moderate] Orta düzeyde nem kaybı (tahmini)
   *[marked] Belirgin nem kaybı (tahmini)
}

## Sözleşme değerlerinin adları
skin-type-name = { $type ->
    [Normal] Normal
    [Dry] Kuru
    [Oily] Yağlı
    [Combination] Karma
   *[Sensitive] Hassas
}
uv-name = { $level ->
    [None] Yok
    [Mild] Hafif
    [Moderate] Orta
   *[Severe] Şiddetli
}
undertone = { $u ->
    [warm] Sıcak
    [cool] Soğuk
   *[neutral] Nötr
}

## Rutin adımları
step-cleanser-gel = Köpüren jel temizleyici
step-cleanser-foam = Az köpüren nazik temizleyici
step-cleanser-cream = Köpürmeyen krem temizleyici
step-cleanser-milk = Parfümsüz temizleme sütü
step-cleanser-gentle = pH dengeli nazik temizleyici
step-cleanser-double = Önce temizleme yağı, ardından jel temizleyici (çift aşamalı temizlik)
step-cleanser-micellar = Önce misel su, ardından nazik temizleyici
step-serum-niacinamide = %5 niasinamid serumu
step-serum-soothing = Centella asiatica içeren yatıştırıcı serum
step-serum-vitc = C vitamini serumu (%10–15 L-askorbik asit)
step-serum-vitc-gentle = C vitamini türevi serum (askorbil glukozit)
step-serum-peptide = Peptit serumu
step-serum-hyaluronic = Nemli cilde hyalüronik asit serumu
step-serum-panthenol = Pantenol (B5 vitamini) ve hyalüronik asit serumu
step-eye-caffeine = Kafeinli göz serumu
step-eye-peptide = Peptitli göz kremi
step-eye-retinol = %0,1 retinollü göz kremi, haftada 2 akşamla başlayarak
step-active-bha = %2 salisilik asit (BHA), haftada 3 akşam
step-active-azelaic = %10 azelaik asit jel veya krem
step-active-aha = %5–10 laktik asit (AHA), haftada 2–3 akşam
step-active-pha = Glukonolakton (PHA), haftada 2–3 akşam
step-active-retinol = %0,3 retinol, haftada 2 akşamla başlayarak
step-active-bakuchiol = Bakuchiol serumu (retinole nazik bir alternatif)
step-moist-gel = Yağsız jel nemlendirici
step-moist-lotion = Hafif nemlendirici losyon
step-moist-rich = Seramidli zengin krem
step-moist-barrier = Seramidli, parfümsüz bariyer kremi
step-moist-hyaluronic = Hyalüronik asitli nemlendirici
step-night-gel = Yağsız jel krem
step-night-lotion = Seramidli gece losyonu
step-night-rich = Besleyici seramidli gece kremi
step-night-barrier = Pantenol ve seramid içeren parfümsüz balm
step-night-ceramide = Seramidli onarıcı krem
step-spf = { $level ->
    [high] Geniş spektrumlu SPF 50+, açık havada 2 saatte bir yenilenmeli
   *[standard] Geniş spektrumlu SPF 30+
}
step-spf-mineral = Mineral güneş koruyucu SPF 50+ (çinko oksit)

## Ürünler
ptype-sunscreen = Güneş koruyucu
ptype-serum = Serum
ptype-exfoliant = Eksfoliyan
ptype-treatment = Tedavi edici bakım
ptype-eye-cream = Göz kremi
ptype-moisturiser = Nemlendirici
ingr-zinc-oxide = Çinko oksit
ingr-uv-filters = Geniş spektrumlu UVA/UVB filtreleri
ingr-salicylic = %2 salisilik asit
ingr-azelaic = %10 azelaik asit
ingr-niacinamide = %5 niasinamid
ingr-lactic = %5–10 laktik asit
ingr-gluconolactone = Glukonolakton (PHA)
ingr-retinol = %0,3 retinol
ingr-retinol-eye = %0,1 retinol
ingr-bakuchiol = Bakuchiol
ingr-caffeine = Kafein
ingr-peptides = Peptitler
ingr-hyaluronic = Hyalüronik asit
ingr-panthenol = Pantenol (B5 vitamini)
ingr-centella = Centella asiatica
ingr-ceramide = Seramid NP
reason-spf = { $level ->
    [None] UV hasarına karşı günlük önlem
    [Mild] Hafif UV hasarı belirtileri; günlük koruma
    [Moderate] Orta düzeyde UV hasarı belirtileri saptandı
   *[Severe] Belirgin UV hasarı belirtileri saptandı
}
reason-acne = Görünür sivilceler (akne skoru { $score }/100)
reason-wrinkles = İnce çizgiler (kırışıklık skoru { $score }/100)
reason-redness = Görünür kızarıklık (kızarıklık skoru { $score }/100)
reason-texture = Düzensiz doku (doku skoru { $score }/100)
reason-pores = Belirgin gözenekler (gözenek skoru { $score }/100)
reason-dark-circles = Göz altı koyulaşması (skor { $score }/100)
reason-eye-bags = Alt göz kapaklarının altında oluklar (torba skoru { $score }/100)
reason-oiliness = Yüzey parlaklığı (yağlanma skoru { $score }/100)
reason-firmness = Yüzün alt bölümünde gevşeme (sıkılık skoru { $score }/100)
reason-hydration = Düşük tahmini nem (%{ $score })
reason-moisturiser = { $type ->
    [Dry] Kuru cildin lipitlerini yeniler
    [Oily] Yağ eklemeden nemlendirir
    [Combination] Ağırlık yapmadan nem dengesini sağlar
    [Sensitive] Reaktif cilt bariyerini destekler
   *[Normal] Cilt bariyerini korur
}

## Beslenme
nut-omega3 = Omega-3 yağ asitleri (yağlı balık, keten tohumu, ceviz)
nut-zinc = Çinko (kabak çekirdeği, baklagiller, deniz ürünleri)
nut-low-gi = Düşük glisemik indeksli öğünler (tam tahıllar, baklagiller, sebzeler)
nut-vitc = C vitamini (turunçgiller, biber, kivi)
nut-vite = E vitamini (badem, ay çekirdeği, avokado)
nut-green-tea = Yeşil çay polifenolleri
nut-lycopene = Likopen (pişmiş domates, karpuz)
nut-water = Gün boyunca su (yaklaşık 1,5–2 litre)
nut-protein = Yeterli protein (balık, yumurta, baklagiller)
nut-iron = Demirden zengin besinler (yeşil yapraklı sebzeler, mercimek, kırmızı et)
nut-vita = Beta karoten (havuç, tatlı patates, ıspanak)
nut-low-sodium = Özellikle akşamları daha az tuz (tuz göz altında sıvı tutar)

## 3 aylık öngörü
proj-acne = Aktif sivilcelerin belirgin biçimde azalması beklenir (akne skoru { $from } → { $to }).
proj-wrinkles = İnce çizgiler yavaş yanıt verir; ölçülü bir yumuşama beklenir (kırışıklık skoru { $from } → { $to }).
proj-redness = Kızarıklığın zamanla yatışması beklenir (kızarıklık skoru { $from } → { $to }).
proj-texture = Cilt dokusunun daha pürüzsüz ve düzgün hâle gelmesi beklenir (doku skoru { $from } → { $to }).
proj-pores = Gözeneklerin biraz daha sıkılaşmış görünmesi beklenir (gözenek skoru { $from } → { $to }).
proj-dark-circles = Göz altı halkaları yavaş değişir; hafif bir iyileşme beklenir (skor { $from } → { $to }).
proj-eye-bags = Göz altı torbaları büyük ölçüde yapısaldır; bir göz kremi onları yalnızca biraz yumuşatır (torba skoru { $from } → { $to }).
proj-oiliness = Gün içindeki parlamanın daha iyi kontrol altına alınması beklenir (yağlanma skoru { $from } → { $to }).
proj-firmness = Sıkılık üç ayda pek değişmez; en fazla hafif bir destek beklenebilir (sıkılık skoru { $from } → { $to }).
proj-hydration = Nem düzeyinin birkaç hafta içinde iyileşmesi beklenir (tahmini %{ $from } → %{ $to }).
proj-overall = Günlük güneş koruması ve bu rutinin düzenli uygulanmasıyla genel cilt skoru üç ayda yaklaşık { $projected }/100 düzeyine ulaşabilir; sonuçlar rutine bağlılığa göre değişir.

## Özet
summary-profile = Genel cilt skoru { $score }/100; cilt tipi { $type ->
    [Normal] normal
    [Dry] kuru
    [Oily] yağlı
    [Combination] karma
   *[Sensitive] hassas
}, tahmini cilt yaşı { $age }.
summary-priorities = Öncelikli alanlar: { $c1 }, { $c2 } ve { $c3 }.
summary-uv = { $level ->
    [None] Belirgin bir güneş hasarı ölçülmedi; yine de her gün SPF 30+ kullanılması önerilir.
    [Mild] Güneşe maruziyetle uyumlu hafif belirtiler nedeniyle her gün SPF 30+ kullanılması önerilir.
    [Moderate] Güneş hasarıyla uyumlu orta düzeyde belirtiler, her gün SPF 50+ ve antioksidan desteği gerektirir.
   *[Severe] Güneş hasarıyla uyumlu belirgin bulgular, her gün SPF 50+ ve profesyonel bir cilt değerlendirmesi gerektirir.
}
summary-gp = { $reason ->
    [acne] İltihaplı lezyon sayısı göz önüne alındığında, tedavi seçeneklerinin bir aile hekimi veya dermatologla görüşülmesi önerilir.
    [redness] Belirgin yaygın kızarıklığın bir aile hekimi veya dermatolog tarafından değerlendirilmesi önerilir.
   *[both] İltihaplı lezyon sayısının ve belirgin yaygın kızarıklığın bir aile hekimi veya dermatolog tarafından değerlendirilmesi önerilir.
}
summary-quality = Fotoğraf kalitesi bazı ölçümleri sınırladı ({ $issue ->
    [blur] düşük netlik
    [dark] yetersiz ışık
    [overexposed] aşırı pozlama
    [cut-off] yüzün bir kısmı kadrajın dışında
    [turned] yüz kameradan başka yöne dönük
    [glasses] gözlük gözlerin çevresindeki cildi örtüyor
   *[small] yüz kadrajda çok küçük
}); eşit gün ışığında yeniden çekilecek bir fotoğraf sonucu daha güvenilir kılar.

## HTML raporu
html-brand = Dermis · SKINN uyumlu rapor
html-title = Cilt analizi raporu
html-patient-ref = Hasta referansı
html-generated = Oluşturulma
html-skin-score = Cilt skoru
html-projected = 3 ay sonrası öngörü
html-skin-age = Cilt yaşı
html-skin-age-value = { $age } yaş
html-skin-type = Cilt tipi
html-uv-damage = UV hasarı
html-hydration = Nem (tahmini)
html-percent = %{ $pct }
html-summary = Özet
html-gp-title = Hekim değerlendirmesi önerilir
html-gp-text = Ölçülen bazı bulguların bir aile hekimine veya dermatoloğa gösterilmesi önerilir. Bu rapor tek tek benleri veya lezyonları değerlendiremez.
html-conditions = Gözlemler
html-no-conditions = Rapor eşiklerinin üzerinde bulgu yok.
html-concerns = Öncelikli sorunlar
html-routine = Kişiye özel rutin
html-morning = Sabah
html-evening = Akşam
html-products = Önerilen ürünler
html-product-type = Tür
html-product-ingredient = Temel içerik
html-product-reason = Gerekçe
html-nutrition = Cilt sağlığı için beslenme
html-projection = 3 aylık öngörü
html-metrics = Ölçülen değerler
html-metric = Ölçüt
html-score = Skor
html-measurement = Ölçüm
html-score-scale = Skorlar 0–100 arasıdır; yüksek değer daha sağlıklı demektir.
html-skin-tone = Cilt tonu
html-fitzpatrick = Fitzpatrick tipi (fotoğraftan tahmin)
html-ita = ITA açısı
html-monk = Monk cilt tonu
html-undertone = Alt ton
html-photo-quality = Fotoğraf kalitesi
html-sharpness = Netlik
html-exposure = Pozlama (ortalama L*)
html-face-in-photo = Fotoğraftaki yüz oranı
html-head-turn = Başın kameraya göre dönüklüğü
html-glasses = Gözlük
html-glasses-effect = gözlerin çevresindeki cilt hariç tutuldu
html-not-measured = ölçülmedi
html-disclaimer-title = Tıbbi cihaz değildir · tanı değildir
html-disclaimer = Bu rapor tek bir fotoğraftan otomatik olarak oluşturulur. Skorlar ve tahminler (nem, cilt yaşı ve UV hasarı dahil) görüntü ölçümlerinden türetilen göstergelerdir; ışık, makyaj ve kamera ayarlarından etkilenebilir. Benleri veya tek tek lezyonları incelemez: yeni ortaya çıkan, değişen, kanayan veya olağan dışı görünen her leke bir hekim tarafından muayene edilmelidir.
html-footer = Dermis · kendi sunucunuzda cilt analizi · SKINN AI uyumlu biçim

## Ölçüt adları ve birimler
metric-acne = Akne
metric-pigmentation = Pigment lekeleri
metric-wrinkles = Kırışıklıklar (genel)
metric-wrinkles-forehead = Alın çizgileri
metric-wrinkles-crow-feet = Kaz ayakları
metric-wrinkles-nasolabial = Nazolabial kıvrımlar
metric-wrinkles-glabella = Kaş arası çizgileri
metric-redness = Kızarıklık
metric-texture = Doku
metric-pores = Gözenekler
metric-dark-circles = Göz altı halkaları
metric-eye-bags = Göz altı torbaları
metric-oiliness = Yağlanma (parlaklık)
metric-firmness = Sıkılık
unit-lesions = { $value } lezyon
unit-spots = { $value } leke
unit-lines = %{ $value } çizgili alan
unit-fold = %{ $value } kıvrım uzunluğu çizgili
unit-pores = { $value } gözenek/cm²
unit-redness = { $value } (12 üzerindeki ortalama a* fazlası)
unit-shine = %{ $value } parlak cilt
unit-texture = { $value } (RMS L* ayrıntısı)
unit-dark-circles = { $value } ΔL* (yanak − göz altı)
unit-eye-bags = %{ $value } göz kapağı genişliğinde alt oluk
unit-firmness = { $value } (sarkma indeksi, IOD yüzdesi)

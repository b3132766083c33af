//! `routine`, `products` and `nutrition`: rule tables keyed on skin type and the top concerns.
//!
//! Shape (always 4 + 4 steps, 4 products, 4 foods):
//! - morning: cleanser (skin type) → serum (concern 1) → moisturiser (skin type) → sunscreen
//!   (UV level; mineral filter for Sensitive skin);
//! - evening: cleanser (skin type) → active (concern 1) → support serum (concern 2) → night
//!   cream (skin type);
//! - products: the sunscreen, the evening active, the support serum and the moisturiser, so
//!   every product appears in the routine;
//! - nutrition: lycopene first when UV damage is Moderate/Severe, then one food per concern,
//!   then defaults, without repeats.
//!
//! Safety by construction: the support serums are all gentle (niacinamide, centella, panthenol,
//! peptides, caffeine, hyaluronic acid), so they can be layered over any evening active; only one
//! exfoliant/retinoid is used per evening; Sensitive skin gets gentler actives (azelaic acid for
//! BHA, PHA for AHA, bakuchiol for retinol, a vitamin C derivative for L-ascorbic acid).

use super::areas::{Area, AreaScores};
use super::classify::{SkinType, UvDamage};
use super::i18n::{t, ta, Arg};
use super::language::Language;

/// A product slot: Fluent ids of its type and key ingredient.
type ProductIds = (&'static str, &'static str);

/// What one concern contributes.
struct ConcernRow {
    am_serum: &'static str,
    pm_active: &'static str,
    pm_active_gentle: &'static str,
    support: &'static str,
    active_product: ProductIds,
    active_product_gentle: ProductIds,
    support_product: ProductIds,
    food: &'static str,
}

const BHA: ProductIds = ("ptype-exfoliant", "ingr-salicylic");
const AZELAIC: ProductIds = ("ptype-treatment", "ingr-azelaic");
const NIACINAMIDE: ProductIds = ("ptype-serum", "ingr-niacinamide");
const RETINOL: ProductIds = ("ptype-serum", "ingr-retinol");
const BAKUCHIOL: ProductIds = ("ptype-serum", "ingr-bakuchiol");
const PEPTIDES: ProductIds = ("ptype-serum", "ingr-peptides");
const HYALURONIC: ProductIds = ("ptype-serum", "ingr-hyaluronic");

fn concern_row(a: Area) -> ConcernRow {
    use Area::*;
    let (am, pm, pm_gentle, support, active, active_gentle, support_p, food) = match a {
        Acne => (
            "step-serum-niacinamide",
            "step-active-bha",
            "step-active-azelaic",
            "step-serum-niacinamide",
            BHA,
            AZELAIC,
            NIACINAMIDE,
            "nut-zinc",
        ),
        Redness => (
            "step-serum-soothing",
            "step-active-azelaic",
            "step-active-azelaic",
            "step-serum-soothing",
            AZELAIC,
            AZELAIC,
            ("ptype-serum", "ingr-centella"),
            "nut-omega3",
        ),
        Oiliness => (
            "step-serum-niacinamide",
            "step-active-bha",
            "step-active-azelaic",
            "step-serum-niacinamide",
            BHA,
            AZELAIC,
            NIACINAMIDE,
            "nut-low-gi",
        ),
        Pores => (
            "step-serum-niacinamide",
            "step-active-bha",
            "step-active-azelaic",
            "step-serum-niacinamide",
            BHA,
            AZELAIC,
            NIACINAMIDE,
            "nut-zinc",
        ),
        Texture => (
            "step-serum-vitc",
            "step-active-aha",
            "step-active-pha",
            "step-serum-panthenol",
            ("ptype-exfoliant", "ingr-lactic"),
            ("ptype-exfoliant", "ingr-gluconolactone"),
            ("ptype-serum", "ingr-panthenol"),
            "nut-vita",
        ),
        Wrinkles => (
            "step-serum-vitc",
            "step-active-retinol",
            "step-active-bakuchiol",
            "step-serum-peptide",
            RETINOL,
            BAKUCHIOL,
            PEPTIDES,
            "nut-vitc",
        ),
        DarkCircles => (
            "step-eye-caffeine",
            "step-eye-peptide",
            "step-eye-peptide",
            "step-eye-caffeine",
            ("ptype-eye-cream", "ingr-peptides"),
            ("ptype-eye-cream", "ingr-peptides"),
            ("ptype-eye-cream", "ingr-caffeine"),
            "nut-iron",
        ),
        // The groove under the lower lid deepens as the lid skin thins and the fat pad above it
        // bulges: retinol thickens thin skin (at the eye-area strength), caffeine depuffs for a
        // few hours, and salt is the usual cause of morning puffiness on top of the structure.
        EyeBags => (
            "step-eye-caffeine",
            "step-eye-retinol",
            "step-eye-peptide",
            "step-eye-caffeine",
            ("ptype-eye-cream", "ingr-retinol-eye"),
            ("ptype-eye-cream", "ingr-peptides"),
            ("ptype-eye-cream", "ingr-caffeine"),
            "nut-low-sodium",
        ),
        Firmness => (
            "step-serum-vitc",
            "step-active-retinol",
            "step-active-bakuchiol",
            "step-serum-peptide",
            RETINOL,
            BAKUCHIOL,
            PEPTIDES,
            "nut-protein",
        ),
        Hydration => (
            "step-serum-hyaluronic",
            "step-serum-hyaluronic",
            "step-serum-hyaluronic",
            "step-serum-hyaluronic",
            HYALURONIC,
            HYALURONIC,
            HYALURONIC,
            "nut-water",
        ),
    };
    ConcernRow {
        am_serum: am,
        pm_active: pm,
        pm_active_gentle: pm_gentle,
        support,
        active_product: active,
        active_product_gentle: active_gentle,
        support_product: support_p,
        food,
    }
}

/// What the skin type contributes: (AM cleanser, PM cleanser, AM moisturiser, night cream,
/// moisturiser key ingredient).
fn type_row(t: SkinType) -> [&'static str; 5] {
    match t {
        SkinType::Oily => [
            "step-cleanser-gel",
            "step-cleanser-double",
            "step-moist-gel",
            "step-night-gel",
            "ingr-hyaluronic",
        ],
        SkinType::Combination => [
            "step-cleanser-foam",
            "step-cleanser-double",
            "step-moist-lotion",
            "step-night-lotion",
            "ingr-hyaluronic",
        ],
        SkinType::Dry => [
            "step-cleanser-cream",
            "step-cleanser-cream",
            "step-moist-rich",
            "step-night-rich",
            "ingr-ceramide",
        ],
        SkinType::Sensitive => [
            "step-cleanser-milk",
            "step-cleanser-milk",
            "step-moist-barrier",
            "step-night-barrier",
            "ingr-ceramide",
        ],
        SkinType::Normal => [
            "step-cleanser-gentle",
            "step-cleanser-micellar",
            "step-moist-hyaluronic",
            "step-night-ceramide",
            "ingr-ceramide",
        ],
    }
}

/// Foods used to fill the four nutrition slots after the concern-specific ones, in this order.
const DEFAULT_FOODS: [&str; 5] = [
    "nut-omega3",
    "nut-vitc",
    "nut-vite",
    "nut-green-tea",
    "nut-water",
];

/// A message id with its arguments: the language-neutral form of one text item.
#[derive(Debug, Clone)]
pub struct Msg {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Msg {
    fn plain(id: &'static str) -> Msg {
        Msg {
            id,
            args: Vec::new(),
        }
    }

    pub fn text(&self, lang: Language) -> String {
        if self.args.is_empty() {
            t(lang, self.id)
        } else {
            ta(lang, self.id, &self.args)
        }
    }
}

/// One recommended product, language-neutral.
#[derive(Debug, Clone)]
pub struct ProductPlan {
    pub kind: &'static str,
    pub ingredient: &'static str,
    pub reason: Msg,
}

/// The whole regimen, language-neutral.
#[derive(Debug, Clone)]
pub struct Regimen {
    pub morning: [Msg; 4],
    pub evening: [Msg; 4],
    pub products: [ProductPlan; 4],
    pub nutrition: [&'static str; 4],
}

/// Builds the regimen from the skin type, UV level and the three concerns (worst first).
pub fn regimen(skin: SkinType, uv: UvDamage, concerns: [Area; 3], scores: &AreaScores) -> Regimen {
    let gentle = skin == SkinType::Sensitive;
    let [am_cleanser, pm_cleanser, am_moist, night, moist_ingr] = type_row(skin);
    let c1 = concern_row(concerns[0]);
    let c2 = concern_row(concerns[1]);

    // Morning.
    let am_serum = if gentle && c1.am_serum == "step-serum-vitc" {
        "step-serum-vitc-gentle"
    } else {
        c1.am_serum
    };
    let high_spf = uv >= UvDamage::Moderate;
    let spf = if gentle {
        Msg::plain("step-spf-mineral")
    } else {
        Msg {
            id: "step-spf",
            args: vec![("level", if high_spf { "high" } else { "standard" }.into())],
        }
    };
    let morning = [
        Msg::plain(am_cleanser),
        Msg::plain(am_serum),
        Msg::plain(am_moist),
        spf,
    ];

    // Evening. If concern 2's support serum were the evening active itself, panthenol (gentle,
    // barrier-supporting) takes its place so the four steps stay distinct.
    let pm_active = if gentle {
        c1.pm_active_gentle
    } else {
        c1.pm_active
    };
    let (support, support_product) = if c2.support == pm_active {
        ("step-serum-panthenol", ("ptype-serum", "ingr-panthenol"))
    } else {
        (c2.support, c2.support_product)
    };
    let evening = [
        Msg::plain(pm_cleanser),
        Msg::plain(pm_active),
        Msg::plain(support),
        Msg::plain(night),
    ];

    // Products: the ones the routine uses.
    let reason = |a: Area| Msg {
        id: reason_id(a),
        args: vec![("score", scores.get(a).round().into())],
    };
    let (a_kind, a_ingr) = if gentle {
        c1.active_product_gentle
    } else {
        c1.active_product
    };
    let (s_kind, s_ingr) = support_product;
    let products = [
        ProductPlan {
            kind: "ptype-sunscreen",
            ingredient: if gentle || skin == SkinType::Dry {
                "ingr-zinc-oxide"
            } else {
                "ingr-uv-filters"
            },
            reason: Msg {
                id: "reason-spf",
                args: vec![("level", uv.as_str().into())],
            },
        },
        ProductPlan {
            kind: a_kind,
            ingredient: a_ingr,
            reason: reason(concerns[0]),
        },
        ProductPlan {
            kind: s_kind,
            ingredient: s_ingr,
            reason: reason(concerns[1]),
        },
        ProductPlan {
            kind: "ptype-moisturiser",
            ingredient: moist_ingr,
            reason: Msg {
                id: "reason-moisturiser",
                args: vec![("type", skin.as_str().into())],
            },
        },
    ];

    // Nutrition.
    let mut foods: Vec<&'static str> = Vec::with_capacity(4);
    let uv_food = (uv >= UvDamage::Moderate).then_some("nut-lycopene");
    let candidates = uv_food
        .into_iter()
        .chain(concerns.iter().map(|a| concern_row(*a).food))
        .chain(DEFAULT_FOODS);
    for f in candidates {
        if foods.len() < 4 && !foods.contains(&f) {
            foods.push(f);
        }
    }
    let nutrition = [foods[0], foods[1], foods[2], foods[3]];

    Regimen {
        morning,
        evening,
        products,
        nutrition,
    }
}

fn reason_id(a: Area) -> &'static str {
    match a {
        Area::Acne => "reason-acne",
        Area::Wrinkles => "reason-wrinkles",
        Area::Redness => "reason-redness",
        Area::Texture => "reason-texture",
        Area::Pores => "reason-pores",
        Area::DarkCircles => "reason-dark-circles",
        Area::Oiliness => "reason-oiliness",
        Area::Firmness => "reason-firmness",
        Area::EyeBags => "reason-eye-bags",
        Area::Hydration => "reason-hydration",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scores() -> AreaScores {
        AreaScores::from_report(&crate::skinn::clinic::testutil::healthy(), 80.0)
    }

    fn ids(steps: &[Msg]) -> Vec<&'static str> {
        steps.iter().map(|m| m.id).collect()
    }

    #[test]
    fn every_combination_gives_distinct_steps_products_and_foods() {
        for skin in [
            SkinType::Normal,
            SkinType::Dry,
            SkinType::Oily,
            SkinType::Combination,
            SkinType::Sensitive,
        ] {
            for uv in [
                UvDamage::None,
                UvDamage::Mild,
                UvDamage::Moderate,
                UvDamage::Severe,
            ] {
                for a in Area::ALL {
                    for b in Area::ALL.into_iter().filter(|b| *b != a) {
                        for c in Area::ALL.into_iter().filter(|c| *c != a && *c != b) {
                            let r = regimen(skin, uv, [a, b, c], &scores());
                            let ev = ids(&r.evening);
                            let mut dedup = ev.clone();
                            dedup.sort();
                            dedup.dedup();
                            assert_eq!(dedup.len(), 4, "{skin:?} {a:?} {b:?} {c:?}: {ev:?}");
                            let mut f = r.nutrition.to_vec();
                            f.sort();
                            f.dedup();
                            assert_eq!(f.len(), 4);
                            assert!(ids(&r.morning)[3].starts_with("step-spf"));
                            assert_eq!(r.products[0].kind, "ptype-sunscreen");
                            assert_eq!(r.products[3].kind, "ptype-moisturiser");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn sensitive_skin_never_gets_retinol_acids_or_chemical_filters() {
        for a in Area::ALL {
            let r = regimen(
                SkinType::Sensitive,
                UvDamage::Severe,
                [a, Area::Wrinkles, Area::Texture],
                &scores(),
            );
            let all: Vec<_> = ids(&r.morning).into_iter().chain(ids(&r.evening)).collect();
            for harsh in [
                "step-active-bha",
                "step-active-aha",
                "step-active-retinol",
                "step-eye-retinol",
                "step-serum-vitc",
                "step-spf",
            ] {
                assert!(!all.contains(&harsh), "{a:?}: {all:?}");
            }
            assert_eq!(r.products[0].ingredient, "ingr-zinc-oxide");
        }
    }

    #[test]
    fn acne_first_uses_salicylic_acid_and_moderate_uv_raises_spf_and_adds_lycopene() {
        let r = regimen(
            SkinType::Oily,
            UvDamage::Moderate,
            [Area::Acne, Area::Pores, Area::Redness],
            &scores(),
        );
        assert_eq!(r.evening[1].id, "step-active-bha");
        assert_eq!(r.products[1].ingredient, "ingr-salicylic");
        assert_eq!(r.nutrition[0], "nut-lycopene");
        assert!(matches!(&r.morning[3].args[0].1, Arg::Str(s) if s == "high"));
    }

    #[test]
    fn eye_bags_first_get_a_retinol_eye_cream_and_less_salt_but_one_retinoid_an_evening() {
        let r = regimen(
            SkinType::Normal,
            UvDamage::None,
            [Area::EyeBags, Area::Wrinkles, Area::DarkCircles],
            &scores(),
        );
        assert_eq!(r.evening[1].id, "step-eye-retinol");
        assert_eq!(r.products[1].ingredient, "ingr-retinol-eye");
        assert_eq!(r.nutrition[0], "nut-low-sodium");
        // Concern 2 (wrinkles) adds its gentle support serum, not a second retinoid.
        assert_eq!(r.evening[2].id, "step-serum-peptide");
        let r = regimen(
            SkinType::Normal,
            UvDamage::None,
            [Area::Wrinkles, Area::EyeBags, Area::DarkCircles],
            &scores(),
        );
        assert_eq!(r.evening[1].id, "step-active-retinol");
        assert_eq!(r.evening[2].id, "step-eye-caffeine");
    }
}

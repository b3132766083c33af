//! skin_age: an estimate from the skin measurements (there is no age model).

/// **Skin age** — what: the age the skin's measured signs suggest. There is no trained age model
/// in Dermis; this is a heuristic over the scores, clamped to 18–80:
/// `18 + 45·(1 − wrinkle_whole/100) + 10·(1 − firmness/100) + 7·(1 − texture/100)`, rounded.
/// Smooth skin gives ~18–25 and heavy lines 60+. Limits: not validated against real ages; make-up,
/// lighting and expression move it; `age_override` replaces it.
pub fn skin_age(wrinkle_whole: f32, firmness: f32, texture: f32) -> u32 {
    let worse = |s: f32| 1.0 - s.clamp(0.0, 100.0) / 100.0;
    let age = 18.0 + 45.0 * worse(wrinkle_whole) + 10.0 * worse(firmness) + 7.0 * worse(texture);
    age.round().clamp(18.0, 80.0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_scores_give_18_and_worse_skin_is_older() {
        assert_eq!(skin_age(100.0, 100.0, 100.0), 18);
        assert!(skin_age(40.0, 60.0, 60.0) > skin_age(80.0, 60.0, 60.0));
        assert_eq!(skin_age(0.0, 0.0, 0.0), 80);
    }
}

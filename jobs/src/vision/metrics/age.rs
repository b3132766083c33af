//! skin_age and gender for the report: the age/gender model's estimate unless overridden.

use crate::vision::age_gender::AgeGender;
use crate::vision::report::AgeGenderEstimate;
use crate::vision::Gender;

/// Youngest and oldest `skin_age` reported from the model. The network is a linear regression
/// trained on adult faces; outside this range its output is not an age.
pub const MODEL_AGE_RANGE: (f32, f32) = (1.0, 100.0);

/// The report's age and gender fields.
#[derive(Debug, Clone)]
pub struct AgeAndGender {
    pub skin_age: u32,
    /// "override" or "model".
    pub age_source: &'static str,
    pub gender: Gender,
    /// "override" or "model".
    pub gender_source: &'static str,
    pub model: AgeGenderEstimate,
}

/// "male" / "female".
pub fn gender_name(g: Gender) -> &'static str {
    match g {
        Gender::Male => "male",
        Gender::Female => "female",
    }
}

/// **skin_age** — the caller's `age_override`, or else the model's apparent age rounded to whole
/// years and clamped to [`MODEL_AGE_RANGE`]. **gender** — `gender_override`, or else the more
/// probable class (female when p(female) ≥ 0.5). The model's own numbers are kept alongside.
pub fn resolve(
    est: AgeGender,
    age_override: Option<u32>,
    gender_override: Option<Gender>,
) -> AgeAndGender {
    let model_gender = if est.female >= 0.5 {
        Gender::Female
    } else {
        Gender::Male
    };
    let model = AgeGenderEstimate {
        age: (est.age * 10.0).round() / 10.0,
        gender: gender_name(model_gender).into(),
        gender_probability: (est.female.max(1.0 - est.female) * 1000.0).round() / 1000.0,
    };
    let (lo, hi) = MODEL_AGE_RANGE;
    let (skin_age, age_source) = match age_override {
        Some(a) => (a, "override"),
        None => (est.age.round().clamp(lo, hi) as u32, "model"),
    };
    let (gender, gender_source) = match gender_override {
        Some(g) => (g, "override"),
        None => (model_gender, "model"),
    };
    AgeAndGender {
        skin_age,
        age_source,
        gender,
        gender_source,
        model,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EST: AgeGender = AgeGender {
        age: 31.46,
        female: 0.2,
    };

    #[test]
    fn model_estimate_is_used_without_overrides() {
        let r = resolve(EST, None, None);
        assert_eq!((r.skin_age, r.age_source), (31, "model"));
        assert_eq!((r.gender, r.gender_source), (Gender::Male, "model"));
        assert_eq!(r.model.age, 31.5);
        assert_eq!(r.model.gender_probability, 0.8);
    }

    #[test]
    fn overrides_win_and_the_model_output_is_kept() {
        let r = resolve(EST, Some(52), Some(Gender::Female));
        assert_eq!((r.skin_age, r.age_source), (52, "override"));
        assert_eq!((r.gender, r.gender_source), (Gender::Female, "override"));
        assert_eq!(r.model.gender, "male");
    }

    #[test]
    fn implausible_model_ages_are_clamped() {
        let young = AgeGender {
            age: -3.0,
            female: 0.9,
        };
        assert_eq!(resolve(young, None, None).skin_age, 1);
        let old = AgeGender {
            age: 130.0,
            female: 0.9,
        };
        assert_eq!(resolve(old, None, None).skin_age, 100);
    }
}

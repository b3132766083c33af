//! Skin and face metrics on the canonical face crop. Every ui_score is 0–100, higher = healthier;
//! docs/metrics.md explains each one.

pub mod acne;
pub mod age;
pub mod colors;
pub mod dark_circles;
pub mod eye_bags;
pub mod faceshape;
pub mod firmness;
pub mod oiliness;
pub mod pigmentation;
pub mod pores;
pub mod redness;
pub mod score;
pub mod spots;
pub mod texture;
pub mod tone;
pub mod wrinkles;

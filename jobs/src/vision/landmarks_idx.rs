//! Named landmark indices of MediaPipe's 468-point canonical face mesh.
//!
//! Contours are MediaPipe's FACEMESH_* connection sets walked in order. "Right"/"left" are the
//! subject's: the right eye appears on the image's left in a selfie-free photo.

/// Face silhouette, clockwise from the top of the forehead.
pub const FACE_OVAL: [usize; 36] = [
    10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400, 377, 152,
    148, 176, 149, 150, 136, 172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109,
];
/// Outer lip contour.
pub const LIPS_OUTER: [usize; 20] = [
    61, 146, 91, 181, 84, 17, 314, 405, 321, 375, 291, 409, 270, 269, 267, 0, 37, 39, 40, 185,
];
/// Inner lip contour (the mouth opening).
pub const LIPS_INNER: [usize; 20] = [
    78, 95, 88, 178, 87, 14, 317, 402, 318, 324, 308, 415, 310, 311, 312, 13, 82, 81, 80, 191,
];
/// Right eye contour (outer corner 33, inner corner 133).
pub const RIGHT_EYE: [usize; 16] = [
    33, 7, 163, 144, 145, 153, 154, 155, 133, 173, 157, 158, 159, 160, 161, 246,
];
/// Left eye contour (outer corner 263, inner corner 362).
pub const LEFT_EYE: [usize; 16] = [
    263, 249, 390, 373, 374, 380, 381, 382, 362, 398, 384, 385, 386, 387, 388, 466,
];
/// Right eyebrow outline: upper edge outer→inner, then lower edge inner→outer.
pub const RIGHT_BROW: [usize; 10] = [70, 63, 105, 66, 107, 55, 65, 52, 53, 46];
/// Left eyebrow outline: upper edge outer→inner, then lower edge inner→outer.
pub const LEFT_BROW: [usize; 10] = [300, 293, 334, 296, 336, 285, 295, 282, 283, 276];

pub const RIGHT_EYE_OUTER: usize = 33;
pub const RIGHT_EYE_INNER: usize = 133;
pub const LEFT_EYE_OUTER: usize = 263;
pub const LEFT_EYE_INNER: usize = 362;
/// The lower lids, outer corner → inner corner.
pub const RIGHT_LOWER_LID: [usize; 9] = [33, 7, 163, 144, 145, 153, 154, 155, 133];
pub const LEFT_LOWER_LID: [usize; 9] = [263, 249, 390, 373, 374, 380, 381, 382, 362];
pub const RIGHT_EYE_LOWER: usize = 145;
pub const LEFT_EYE_LOWER: usize = 374;
pub const FOREHEAD_TOP: usize = 10;
pub const CHIN: usize = 152;
pub const NOSE_TIP: usize = 1;
pub const NOSE_BRIDGE: usize = 168;
pub const RIGHT_ALA: usize = 129;
pub const LEFT_ALA: usize = 358;
pub const MOUTH_RIGHT: usize = 61;
pub const MOUTH_LEFT: usize = 291;
/// Inner commissures (where the lips' inner contours meet).
pub const MOUTH_RIGHT_INNER: usize = 78;
pub const MOUTH_LEFT_INNER: usize = 308;
pub const LOWER_LIP_BOTTOM: usize = 17;
/// Widest points of the face at cheekbone level.
pub const RIGHT_CHEEKBONE: usize = 234;
pub const LEFT_CHEEKBONE: usize = 454;
/// Jaw angle (gonion) region.
pub const RIGHT_JAW: usize = 172;
pub const LEFT_JAW: usize = 397;
/// Temples (forehead width).
pub const RIGHT_TEMPLE: usize = 54;
pub const LEFT_TEMPLE: usize = 284;

//! Shared test helpers: fixtures and reference outputs.

use image::RgbImage;

/// scikit-image's astronaut.png (512×512, public domain; see fixtures/README.md).
pub fn astronaut() -> RgbImage {
    let bytes = include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/astronaut.png"
    ));
    image::load_from_memory(bytes).unwrap().to_rgb8()
}

/// Outputs of the original MediaPipe runtime (models/convert/reference_outputs.py).
pub fn reference() -> serde_json::Value {
    serde_json::from_str(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/models/reference/astronaut.json"
    )))
    .unwrap()
}

/// A JSON array of numbers from a reference file, as f32.
pub fn floats(v: &serde_json::Value) -> Vec<f32> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap() as f32)
        .collect()
}

/// The largest absolute difference between two outputs, element by element (a port's error
/// against its original runtime).
pub fn largest_difference(a: &[f32], b: &[f32]) -> f32 {
    a.iter()
        .zip(b)
        .map(|(x, y)| (x - y).abs())
        .fold(0f32, f32::max)
}

/// Outputs of the original face-api runtime (models/convert/age_gender_reference.js).
pub fn age_gender_reference() -> serde_json::Value {
    serde_json::from_str(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/models/reference/age_gender_astronaut.json"
    )))
    .unwrap()
}

/// `img` rotated by `deg` degrees about its centre (bilinear, edges replicated).
pub fn rotate(img: &RgbImage, deg: f32) -> RgbImage {
    use crate::vision::warp::{crop_to_tensor, Border, Roi};
    let (w, h) = (img.width() as f32, img.height() as f32);
    assert_eq!(w, h, "square images only");
    let roi = Roi {
        cx: w / 2.0,
        cy: h / 2.0,
        size: w,
        angle: deg.to_radians(),
    };
    let t = crop_to_tensor(img, &roi, w as usize, Border::Replicate, (0.0, 255.0));
    RgbImage::from_raw(
        w as u32,
        h as u32,
        t.iter()
            .map(|v| v.round().clamp(0.0, 255.0) as u8)
            .collect(),
    )
    .unwrap()
}

/// `img` moved `dx` px right and `dy` px down, its top and left edges repeated into the gap.
pub fn shift(img: &RgbImage, dx: u32, dy: u32) -> RgbImage {
    RgbImage::from_fn(img.width(), img.height(), |x, y| {
        *img.get_pixel(x.saturating_sub(dx), y.saturating_sub(dy))
    })
}

/// `img` encoded as a JPEG file at `quality`.
pub fn jpeg_bytes(img: &RgbImage, quality: u8) -> Vec<u8> {
    let mut buf = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut buf, quality)
        .encode_image(img)
        .unwrap();
    buf
}

/// A JPEG file with an EXIF Orientation tag `o` (1–8) put before its first segment.
pub fn with_orientation(jpeg: &[u8], o: u8) -> Vec<u8> {
    // Big-endian TIFF header, one IFD entry: tag 0x0112 (Orientation), SHORT, count 1.
    let mut app1 = b"Exif\0\0MM\0\x2a\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0".to_vec();
    app1.extend_from_slice(&[o, 0, 0, 0, 0, 0, 0]);
    let len = (app1.len() + 2) as u16;
    let mut out = vec![0xFF, 0xD8, 0xFF, 0xE1];
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(&app1);
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// `img` re-encoded as JPEG at `quality` and decoded again.
pub fn jpeg(img: &RgbImage, quality: u8) -> RgbImage {
    image::load_from_memory(&jpeg_bytes(img, quality))
        .unwrap()
        .to_rgb8()
}

/// The astronaut's landmarks from the mesh's first pass (in the detector's ROI), as the age
/// model gets them.
pub fn astronaut_first_pass_landmarks() -> crate::vision::facemesh::Landmarks {
    use crate::vision::{blazeface::FaceDetector, facemesh::FaceMesh};
    let img = astronaut();
    let det = FaceDetector::load()
        .unwrap()
        .detect(&img)
        .unwrap()
        .remove(0);
    FaceMesh::load().unwrap().landmarks(&img, &det).unwrap()
}

/// The landmarks of the first face the detector finds in `img`, as the skin measurements get
/// them (detector + refined mesh).
pub fn landmarks_of(img: &RgbImage) -> crate::vision::facemesh::Landmarks {
    use crate::vision::{blazeface::FaceDetector, facemesh::FaceMesh};
    let det = FaceDetector::load().unwrap().detect(img).unwrap().remove(0);
    FaceMesh::load().unwrap().face_landmarks(img, &det).unwrap()
}

/// A committed fixture photo, decoded like an upload.
pub fn fixture_photo(file: &str) -> RgbImage {
    let path = format!("{}/fixtures/{file}", env!("CARGO_MANIFEST_DIR"));
    crate::vision::decode::decode(&std::fs::read(path).unwrap()).unwrap()
}

/// The canonical face and regions of a committed fixture photo (decoded like an upload), for
/// metric tests that need skin the astronaut does not show (her fringe hides the forehead).
pub fn fixture_face(
    file: &str,
) -> (
    crate::vision::face_frame::CanonicalFace,
    crate::vision::regions::Regions,
) {
    use crate::vision::{face_frame::CanonicalFace, regions::Regions};
    let img = fixture_photo(file);
    let face = CanonicalFace::new(&img, &landmarks_of(&img));
    let regions = Regions::new(&face);
    (face, regions)
}

/// The astronaut's canonical face and regions, for metric tests that repaint it.
pub fn astronaut_face() -> (
    crate::vision::face_frame::CanonicalFace,
    crate::vision::regions::Regions,
) {
    use crate::vision::{face_frame::CanonicalFace, regions::Regions};
    let img = astronaut();
    let face = CanonicalFace::new(&img, &landmarks_of(&img));
    let regions = Regions::new(&face);
    (face, regions)
}

/// Repaints the canonical face with `f(x, y, rgb) -> rgb`, recomputes its CIELAB planes and
/// looks for glasses again.
pub fn repaint(
    face: &mut crate::vision::face_frame::CanonicalFace,
    f: impl Fn(u32, u32, [u8; 3]) -> [u8; 3],
) {
    for (x, y, p) in face.rgb.enumerate_pixels_mut() {
        p.0 = f(x, y, p.0);
    }
    face.lab = crate::vision::lab::LabImage::from_rgb(&face.rgb);
    face.look_for_glasses();
}

/// Pixel centres of a region mask, every `step`-th one (for placing synthetic marks).
pub fn points_in(m: &crate::vision::raster::Mask, step: usize) -> Vec<(f32, f32)> {
    (0..m.data.len())
        .filter(|&i| m.data[i])
        .step_by(step)
        .map(|i| ((i % m.width) as f32, (i / m.width) as f32))
        .collect()
}

/// `k` points spread evenly over a region mask (for placing synthetic spots).
pub fn spread_in(m: &crate::vision::raster::Mask, k: usize) -> Vec<(f32, f32)> {
    let all = points_in(m, 1);
    all.iter()
        .step_by(all.len() / (k + 1))
        .skip(1)
        .take(k)
        .copied()
        .collect()
}

/// Repaints discs of radius `r` crop px around `centres` with `f` (the pixel's old colour in,
/// the new one out).
pub fn paint_discs(
    face: &mut crate::vision::face_frame::CanonicalFace,
    centres: &[(f32, f32)],
    r: f32,
    f: impl Fn([u8; 3]) -> [u8; 3],
) {
    repaint(face, |x, y, p| {
        let near = centres
            .iter()
            .any(|&(cx, cy)| (x as f32 - cx).powi(2) + (y as f32 - cy).powi(2) <= r * r);
        if near {
            f(p)
        } else {
            p
        }
    });
}

/// A red papule's colour over skin `p`: redder, a little lighter in red, darker in green/blue.
pub fn papule(p: [u8; 3]) -> [u8; 3] {
    [
        p[0].saturating_add(10),
        (p[1] as f32 * 0.7) as u8,
        (p[2] as f32 * 0.75) as u8,
    ]
}

/// The reference for a reduced JPEG decode: the whole image decoded by `image`, then resampled
/// to the working size as `decode` does.
pub fn decoded_in_full(bytes: &[u8]) -> RgbImage {
    crate::vision::decode::bound_size(
        image::load_from_memory(bytes).unwrap().into_rgb8(),
        crate::vision::decode::MAX_SIDE,
    )
}

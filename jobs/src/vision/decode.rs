//! Bytes → upright RGB image of bounded size.
//!
//! Phones store portrait photos sideways with an EXIF Orientation tag; we apply it so landmarks
//! and masks line up with what a person sees. The working size is capped (longest side
//! [`MAX_SIDE`]) because skin measurements are computed relative to the face size and larger
//! inputs only cost time.
//!
//! Pixels are bounded too ([`MAX_PIXELS`]), from the header, before any pixel is decoded: a
//! file's size says little about its decoded size (a 2 MB JPEG of a plain 12 000 × 12 000
//! picture decodes to 432 MB, and took a worker to 1 GB before this bound).
//!
//! A JPEG at least twice the working size is decoded at a reduced scale in the DCT
//! ([`decode_reduced_jpeg`]), so a phone photo's full-size image is never made: it was most of
//! the memory and, for a 12-MP photo, most of the time of a whole analysis.

use image::{imageops, DynamicImage, GrayImage, ImageDecoder, ImageReader, Limits, RgbImage};
use jpeg_decoder::PixelFormat;

use super::error::VisionError;

/// Longest side of the working image, in pixels.
pub const MAX_SIDE: u32 = 1024;

/// Most pixels a photo may have: a 48-megapixel phone photo (8064 × 6048) passes, and at
/// 3 bytes a pixel its decoded image (≈ 150 MB) keeps a worker within its 300 MB budget.
pub const MAX_PIXELS: u64 = 50_000_000;

/// What the decoders may allocate for one image: 4 bytes per pixel of [`MAX_PIXELS`] (RGBA
/// at 8 bits). A photo within the pixel bound at 16 bits per channel exceeds it and is
/// refused as too large rather than decoded into twice the memory.
const DECODE_BUDGET: u64 = 4 * MAX_PIXELS;

/// Refuses a photo of more than [`MAX_PIXELS`], by its header's dimensions.
pub fn check_pixels(width: u32, height: u32) -> Result<(), VisionError> {
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(too_large(width, height));
    }
    Ok(())
}

fn too_large(width: u32, height: u32) -> VisionError {
    VisionError::ImageTooLarge {
        width,
        height,
        max_megapixels: (MAX_PIXELS / 1_000_000) as u32,
    }
}

/// EXIF Orientation (1–8) of a JPEG/PNG/WebP, if present.
fn exif_orientation(bytes: &[u8]) -> Option<u32> {
    let exif = exif::Reader::new()
        .read_from_container(&mut std::io::Cursor::new(bytes))
        .ok()?;
    exif.get_field(exif::Tag::Orientation, exif::In::PRIMARY)?
        .value
        .get_uint(0)
}

/// Applies an EXIF orientation value to an image.
pub fn apply_orientation(img: DynamicImage, orientation: u32) -> DynamicImage {
    match orientation {
        2 => img.fliph(),
        3 => img.rotate180(),
        4 => img.flipv(),
        5 => img.rotate90().fliph(),
        6 => img.rotate90(),
        7 => img.rotate270().fliph(),
        8 => img.rotate270(),
        _ => img,
    }
}

/// Shrinks `img` so its longest side is at most `max_side` (never enlarges).
pub fn bound_size(img: RgbImage, max_side: u32) -> RgbImage {
    let (w, h) = img.dimensions();
    let long = w.max(h);
    if long <= max_side {
        return img;
    }
    let s = max_side as f32 / long as f32;
    let (nw, nh) = (
        ((w as f32 * s).round() as u32).max(1),
        ((h as f32 * s).round() as u32).max(1),
    );
    // Triangle (bilinear with support scaled to the reduction) avoids aliasing at acceptable cost.
    imageops::resize(&img, nw, nh, imageops::FilterType::Triangle)
}

/// True when `bytes` decode at their own size: their header's longest side is within
/// [`MAX_SIDE`], so [`decode`] does not reduce them.
pub fn at_own_size(bytes: &[u8]) -> bool {
    image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .ok()
        .and_then(|r| r.into_dimensions().ok())
        .is_some_and(|(w, h)| w.max(h) <= MAX_SIDE)
}

/// Decodes a JPEG at least twice [`MAX_SIDE`] on its longest side at a reduced scale in the
/// DCT, as libjpeg can: each 8×8 block's inverse transform is computed at 4×4, 2×2 or 1×1 —
/// the block's own low-pass reduction, from its low frequencies — at the smallest of 1/2, 1/4,
/// 1/8 that keeps the longest side at least `MAX_SIDE` (the resampling to `MAX_SIDE` follows).
/// A 48-MP photo decodes to 3 MP instead of 48. `None` for a JPEG not that large, whose pixels
/// are not 8-bit grey or RGB (CMYK, 16-bit lossless), or that jpeg-decoder refuses: the full
/// decoder takes those and has the last word (zune-jpeg decodes a truncated upload, the
/// missing rows grey, where jpeg-decoder stops).
fn decode_reduced_jpeg(bytes: &[u8], width: u32, height: u32) -> Option<RgbImage> {
    let long = width.max(height);
    if long < 2 * MAX_SIDE {
        return None;
    }
    let mut decoder = jpeg_decoder::Decoder::new(bytes);
    decoder.set_max_decoding_buffer_size(DECODE_BUDGET as usize);
    decoder.read_info().ok()?;
    let format = decoder.info()?.pixel_format;
    if !matches!(format, PixelFormat::L8 | PixelFormat::RGB24) {
        return None;
    }
    let at_least = |side: u32| (u64::from(side) * u64::from(MAX_SIDE)).div_ceil(u64::from(long));
    let (w, h) = decoder
        .scale(at_least(width) as u16, at_least(height) as u16)
        .ok()?;
    let pixels = decoder.decode().ok()?;
    let (w, h) = (u32::from(w), u32::from(h));
    match format {
        PixelFormat::RGB24 => RgbImage::from_raw(w, h, pixels),
        _ => GrayImage::from_raw(w, h, pixels).map(|g| DynamicImage::ImageLuma8(g).into_rgb8()),
    }
}

/// Decodes JPEG/PNG/WebP/HEIC bytes, applies EXIF orientation and bounds the size.
pub fn decode(bytes: &[u8]) -> Result<RgbImage, VisionError> {
    if super::heic::is_heif(bytes) {
        return Ok(bound_size(super::heic::decode_heif(bytes)?, MAX_SIDE));
    }
    let undecodable = |e: image::ImageError| VisionError::UndecodableImage(e.to_string());
    let format = image::guess_format(bytes).map_err(undecodable)?;
    if !matches!(
        format,
        image::ImageFormat::Jpeg | image::ImageFormat::Png | image::ImageFormat::WebP
    ) {
        return Err(VisionError::UndecodableImage(format!(
            "{format:?} is not supported"
        )));
    }
    let mut limits = Limits::default();
    limits.max_alloc = Some(DECODE_BUDGET);
    let mut reader = ImageReader::with_format(std::io::Cursor::new(bytes), format);
    reader.limits(limits);
    // One parse of the header: its size decides before any pixel is decoded.
    let decoder = reader.into_decoder().map_err(undecodable)?;
    let (width, height) = decoder.dimensions();
    check_pixels(width, height)?;
    if decoder.total_bytes() > DECODE_BUDGET {
        return Err(too_large(width, height));
    }
    let reduced = match format {
        image::ImageFormat::Jpeg => decode_reduced_jpeg(bytes, width, height),
        _ => None,
    };
    let img = match reduced {
        Some(img) => img,
        None => DynamicImage::from_decoder(decoder)
            .map_err(|e| match e {
                image::ImageError::Limits(_) => too_large(width, height),
                e => undecodable(e),
            })?
            .into_rgb8(),
    };
    // Reduced first, then turned upright: the turn copies the image, and a reduced one is
    // small. (An orientation only permutes pixels, so both orders give the same image up to
    // the resampling's rounding.)
    let img = bound_size(img, MAX_SIDE);
    let img = apply_orientation(
        DynamicImage::ImageRgb8(img),
        exif_orientation(bytes).unwrap_or(1),
    );
    Ok(img.into_rgb8())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vision::testutil::{decoded_in_full, jpeg_bytes, with_orientation};

    #[test]
    fn garbage_bytes_are_undecodable() {
        let err = decode(b"definitely not an image").unwrap_err();
        assert_eq!(err.code(), "undecodable_image");
    }

    #[test]
    fn orientation_6_turns_landscape_into_portrait() {
        let img = DynamicImage::ImageRgb8(RgbImage::new(40, 20));
        let out = apply_orientation(img, 6);
        assert_eq!((out.width(), out.height()), (20, 40));
    }

    /// A JPEG with an EXIF APP1 segment saying Orientation = `o`.
    fn jpeg_with_orientation(img: &RgbImage, o: u8) -> Vec<u8> {
        with_orientation(&jpeg_bytes(img, 90), o)
    }

    #[test]
    fn exif_orientation_6_is_applied_when_decoding() {
        // Left half red, right half blue; rotated 90° clockwise the red half is on top.
        let img = RgbImage::from_fn(40, 20, |x, _| {
            if x < 20 {
                image::Rgb([255, 0, 0])
            } else {
                image::Rgb([0, 0, 255])
            }
        });
        let out = decode(&jpeg_with_orientation(&img, 6)).unwrap();
        assert_eq!(out.dimensions(), (20, 40));
        assert!(out.get_pixel(10, 5)[0] > 200 && out.get_pixel(10, 35)[2] > 200);
    }

    #[test]
    fn large_images_are_bounded_keeping_aspect() {
        let out = bound_size(RgbImage::new(2048, 1024), MAX_SIDE);
        assert_eq!(out.dimensions(), (1024, 512));
        assert_eq!(
            bound_size(RgbImage::new(300, 200), MAX_SIDE).dimensions(),
            (300, 200)
        );
    }

    #[test]
    fn photos_of_more_than_fifty_megapixels_are_refused_before_decoding() {
        // 9000 × 6000 = 54 MP of one colour: a 1 MB PNG that would decode to 162 MB.
        let big = RgbImage::from_pixel(9000, 6000, image::Rgb([180, 140, 120]));
        let mut png = Vec::new();
        big.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        drop(big);
        let err = decode(&png).unwrap_err();
        assert_eq!(err.code(), "image_too_large");
        assert!(err.to_string().contains("9000×6000"), "{err}");
        assert!(
            check_pixels(8064, 6048).is_ok(),
            "a 48 MP phone photo passes"
        );
    }

    #[test]
    fn a_sixteen_bit_photo_beyond_the_decode_budget_is_too_large_not_undecodable() {
        // 7000 × 4000 (28 MP) RGBA at 16 bits is 224 MB decoded, over the 200 MB budget.
        let big = image::ImageBuffer::<image::Rgba<u16>, _>::from_pixel(
            7000,
            4000,
            image::Rgba([40000, 30000, 20000, 65535]),
        );
        let mut png = Vec::new();
        big.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        drop(big);
        assert_eq!(decode(&png).unwrap_err().code(), "image_too_large");
    }

    #[test]
    fn exif_orientation_is_applied_to_a_reduced_photo() {
        // 2048 × 1024, left half red: with Orientation 6 (turn clockwise) it comes out
        // 512 × 1024 with the red half on top.
        let img = RgbImage::from_fn(2048, 1024, |x, _| {
            image::Rgb(if x < 1024 { [255, 0, 0] } else { [0, 0, 255] })
        });
        let out = decode(&jpeg_with_orientation(&img, 6)).unwrap();
        assert_eq!(out.dimensions(), (512, 1024));
        assert!(out.get_pixel(256, 100)[0] > 200 && out.get_pixel(256, 900)[2] > 200);
    }

    /// Mean and largest absolute difference of two images' channels.
    fn differences(a: &RgbImage, b: &RgbImage) -> (f64, u8) {
        let d = a
            .as_raw()
            .iter()
            .zip(b.as_raw())
            .map(|(x, y)| x.abs_diff(*y));
        let (sum, max) = d.fold((0u64, 0u8), |(s, m), v| (s + u64::from(v), m.max(v)));
        (sum as f64 / a.as_raw().len() as f64, max)
    }

    #[test]
    fn a_large_jpeg_reduced_in_the_dct_matches_the_full_decode() {
        // obama.jpg at 3× (2457 × 3072, JPEG 95): decoded at 1/2 scale, then resampled.
        let photo = crate::vision::testutil::fixture_photo("obama.jpg");
        let big = imageops::resize(&photo, 2457, 3072, imageops::FilterType::CatmullRom);
        let bytes = jpeg_bytes(&big, 95);
        let half = decode_reduced_jpeg(&bytes, 2457, 3072).unwrap();
        assert_eq!(half.dimensions(), (1229, 1536), "1/2 scale, rounded up");
        let reduced = decode(&bytes).unwrap();
        let full = decoded_in_full(&bytes);
        assert_eq!(reduced.dimensions(), full.dimensions());
        let (mean, max) = differences(&reduced, &full);
        eprintln!("mean {mean:.3}, max {max}");
        assert!(mean < 1.0 && max < 40, "mean {mean}, max {max}");
        // A grey JPEG comes out grey.
        let grey = DynamicImage::ImageRgb8(big).into_luma8();
        let mut bytes = Vec::new();
        grey.write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Jpeg,
        )
        .unwrap();
        let reduced = decode(&bytes).unwrap();
        assert_eq!(reduced.dimensions(), full.dimensions());
        assert!(reduced.pixels().all(|p| p[0] == p[1] && p[1] == p[2]));
        let (mean, _) = differences(&reduced, &decoded_in_full(&bytes));
        assert!(mean < 1.0, "grey: mean {mean}");
    }

    #[test]
    fn only_jpegs_twice_the_working_size_are_reduced_in_the_dct() {
        let img = RgbImage::from_pixel(2047, 600, image::Rgb([180, 140, 120]));
        assert!(decode_reduced_jpeg(&jpeg_bytes(&img, 90), 2047, 600).is_none());
        // 8064 × 6048 (48 MP) → 1/4 → 2016 × 1512, the smallest scale keeping 1024.
        let img = RgbImage::from_pixel(8064, 6048, image::Rgb([180, 140, 120]));
        let bytes = jpeg_bytes(&img, 90);
        drop(img);
        let out = decode_reduced_jpeg(&bytes, 8064, 6048).unwrap();
        assert_eq!(out.dimensions(), (2016, 1512));
        assert_eq!(decode(&bytes).unwrap().dimensions(), (1024, 768));
    }

    #[test]
    fn a_truncated_large_jpeg_decodes_as_the_full_decoder_would() {
        // A large upload cut off mid-file: whatever `image`'s decoder makes of it, so does
        // `decode`, whichever decoder reads it.
        let photo = crate::vision::testutil::fixture_photo("obama.jpg");
        let big = imageops::resize(&photo, 2457, 3072, imageops::FilterType::Triangle);
        let bytes = jpeg_bytes(&big, 92);
        for keep in [bytes.len() * 2 / 3, bytes.len() - 2] {
            let cut = &bytes[..keep];
            let full = image::load_from_memory(cut).map(|i| bound_size(i.into_rgb8(), MAX_SIDE));
            match (decode(cut), full) {
                (Ok(a), Ok(b)) => assert_eq!(a.dimensions(), b.dimensions()),
                (Err(a), Err(_)) => assert_eq!(a.code(), "undecodable_image"),
                (a, b) => panic!("cut at {keep}: decode {:?}, full {:?}", a.err(), b.err()),
            }
        }
    }

    #[test]
    fn png_round_trip_decodes() {
        let mut buf = Vec::new();
        RgbImage::from_pixel(10, 8, image::Rgb([1, 2, 3]))
            .write_to(&mut std::io::Cursor::new(&mut buf), image::ImageFormat::Png)
            .unwrap();
        let img = decode(&buf).unwrap();
        assert_eq!(img.dimensions(), (10, 8));
        assert_eq!(img.get_pixel(3, 3).0, [1, 2, 3]);
    }
}

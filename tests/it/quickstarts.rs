//! SKINN AI's published quickstart snippets (tests/quickstarts/skinn, Python requests, Node
//! fetch and curl) run unchanged against Dermis, apart from the base URL, the key, and the
//! example image URL/e-mail (see that folder's README).
use std::path::Path;
use std::sync::Arc;
use tokio::process::Command;

use entities::events::Plan;

use crate::peers::image_host;
use crate::support::*;

const THEIR_BASE: &str = "https://skinnai-worker.london800800.workers.dev";
const THEIR_KEY: &str = "sk_live_your_api_key_here";

fn snippet(name: &str, base: &str, key: &str, image_url: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/quickstarts/skinn")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let encoded: String = url::form_urlencoded::byte_serialize(image_url.as_bytes()).collect();
    text.replace(THEIR_BASE, base)
        .replace(THEIR_KEY, key)
        .replace("https%3A%2F%2Fexample.com%2Fpatient.jpg", &encoded)
        .replace("https://example.com/patient.jpg", image_url)
        .replace("[email protected]", "patient@example.com")
}

/// Run `program` with the snippet in a directory holding the photos it opens; its stdout.
async fn run(program: &str, code: &str, file: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("patient.jpg"), face_jpeg()).unwrap();
    std::fs::write(dir.path().join("patient_photo.jpg"), face_jpeg()).unwrap();
    std::fs::write(dir.path().join(file), code).unwrap();
    let out = Command::new(program)
        .arg(file)
        .current_dir(dir.path())
        .output()
        .await
        .unwrap_or_else(|e| panic!("{program} is needed for the quickstart tests: {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "{file} failed: {stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

#[tokio::test]
async fn skinn_quickstarts_work_with_only_the_base_url_and_key_changed() {
    let host = image_host().await;
    let app = TestApp::spawn(Options {
        workers: Some(0),
        tweak: Some(Arc::new(|c| {
            c.fetch.allow_private = vec!["127.0.0.1/32".into()]
        })),
        ..Options::default()
    })
    .await;
    let (account, key) = app.account_with_key(Plan::Free).await;
    app.grant(account, 10).await;
    let image = format!("{host}/face.jpg");
    let code = |name| snippet(name, &app.base, &key, &image);

    let out = run("python3", &code("quickstart.py"), "quickstart.py").await;
    assert!(
        out.contains("Skin Score: ") && out.contains("/100"),
        "{out}"
    );
    assert!(out.contains("Hydration: ") && out.contains('%'), "{out}");
    assert!(out.contains("Summary: "), "{out}");

    let out = run("python3", &code("analyze_url.py"), "analyze_url.py").await;
    assert!(
        out.contains("Skin Score: ") && out.contains("Skin Age: "),
        "{out}"
    );

    let out = run("python3", &code("analyze_base64.py"), "analyze_base64.py").await;
    assert!(out.trim().len() > 40, "a summary: {out}");

    for name in ["quickstart.js", "analyze_url.js"] {
        let wrapped = format!("(async () => {{\n{}\n}})();\n", code(name));
        let out = run("node", &wrapped, name).await;
        assert!(out.contains("/100"), "{name}: {out}");
    }

    let out = run("bash", &code("analyze_url.sh"), "analyze_url.sh").await;
    let body: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(body["success"], true, "{out}");
    let out = run("bash", &code("status.sh"), "status.sh").await;
    assert!(out.contains("\"operational\""), "{out}");

    // Six of the snippets analyse a photo: six credits, and the events agree.
    assert_eq!(app.balance(account).await, 20 - 6);
    app.verify_events().await;
}

//! Object storage for uploads and masks: S3 (aws-sdk-s3, any S3-compatible endpoint) when
//! configured, else a local folder. Keys look like `analyses/<id>/<name>.png`.
use std::path::{Component, Path, PathBuf};

use aws_sdk_s3::error::ProvideErrorMetadata;
use aws_sdk_s3::primitives::ByteStream;

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("storage key {0:?} is not allowed")]
    BadKey(String),
    #[error("local storage: {0}")]
    Io(#[from] std::io::Error),
    #[error("S3: {0}")]
    S3(String),
}

/// Where S3 lives and how to reach it.
#[derive(Debug, Clone)]
pub struct S3Settings {
    pub endpoint: Option<String>,
    pub region: String,
    pub bucket: String,
    pub access_key_id: Option<String>,
    pub secret_access_key: Option<String>,
    /// Path-style addressing (`host/bucket/key`), needed by most self-hosted S3 servers.
    pub path_style: bool,
}

#[derive(Clone, Debug)]
pub enum ObjectStore {
    Local {
        root: PathBuf,
    },
    S3 {
        client: aws_sdk_s3::Client,
        bucket: String,
    },
}

fn s3_err(e: impl ProvideErrorMetadata + std::fmt::Display) -> StorageError {
    StorageError::S3(format!(
        "{} ({})",
        e.message().unwrap_or("no message"),
        e.code().unwrap_or("no code")
    ))
}

impl ObjectStore {
    pub fn local(root: impl Into<PathBuf>) -> Self {
        ObjectStore::Local { root: root.into() }
    }

    /// Connect to S3 and make sure the bucket exists (created on first start).
    pub async fn s3(s: &S3Settings) -> Result<Self, StorageError> {
        let mut loader = aws_config::defaults(aws_config::BehaviorVersion::latest())
            .region(aws_config::Region::new(s.region.clone()));
        if let (Some(id), Some(secret)) = (&s.access_key_id, &s.secret_access_key) {
            loader = loader.credentials_provider(aws_sdk_s3::config::Credentials::new(
                id,
                secret,
                None,
                None,
                "dermis-config",
            ));
        }
        let shared = loader.load().await;
        let mut conf = aws_sdk_s3::config::Builder::from(&shared).force_path_style(s.path_style);
        if let Some(endpoint) = &s.endpoint {
            conf = conf.endpoint_url(endpoint);
        }
        let client = aws_sdk_s3::Client::from_conf(conf.build());
        if client.head_bucket().bucket(&s.bucket).send().await.is_err() {
            client
                .create_bucket()
                .bucket(&s.bucket)
                .send()
                .await
                .map_err(|e| {
                    StorageError::S3(format!(
                        "bucket {} is not reachable and could not be created: {}",
                        s.bucket,
                        e.into_service_error()
                    ))
                })?;
        }
        Ok(ObjectStore::S3 {
            client,
            bucket: s.bucket.clone(),
        })
    }

    pub fn describe(&self) -> String {
        match self {
            ObjectStore::Local { root } => format!("local folder {}", root.display()),
            ObjectStore::S3 { bucket, .. } => format!("S3 bucket {bucket}"),
        }
    }

    /// Keys are relative paths without `..`: nothing can escape the root or bucket prefix.
    fn local_path(root: &Path, key: &str) -> Result<PathBuf, StorageError> {
        let rel = Path::new(key);
        if key.is_empty() || !rel.components().all(|c| matches!(c, Component::Normal(_))) {
            return Err(StorageError::BadKey(key.to_string()));
        }
        Ok(root.join(rel))
    }

    pub async fn put(
        &self,
        key: &str,
        bytes: Vec<u8>,
        content_type: &str,
    ) -> Result<(), StorageError> {
        match self {
            ObjectStore::Local { root } => {
                let path = Self::local_path(root, key)?;
                if let Some(dir) = path.parent() {
                    tokio::fs::create_dir_all(dir).await?;
                }
                // Write then rename, so a reader never sees half a file.
                let tmp = path.with_extension("partial");
                tokio::fs::write(&tmp, bytes).await?;
                tokio::fs::rename(&tmp, &path).await?;
                Ok(())
            }
            ObjectStore::S3 { client, bucket } => {
                client
                    .put_object()
                    .bucket(bucket)
                    .key(key)
                    .content_type(content_type)
                    .body(ByteStream::from(bytes))
                    .send()
                    .await
                    .map_err(|e| s3_err(e.into_service_error()))?;
                Ok(())
            }
        }
    }

    /// The object's bytes, or `None` when there is no such key.
    pub async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, StorageError> {
        match self {
            ObjectStore::Local { root } => {
                match tokio::fs::read(Self::local_path(root, key)?).await {
                    Ok(b) => Ok(Some(b)),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                    Err(e) => Err(e.into()),
                }
            }
            ObjectStore::S3 { client, bucket } => {
                match client.get_object().bucket(bucket).key(key).send().await {
                    Ok(out) => {
                        let data = out
                            .body
                            .collect()
                            .await
                            .map_err(|e| StorageError::S3(e.to_string()))?;
                        Ok(Some(data.into_bytes().to_vec()))
                    }
                    Err(e) => {
                        let e = e.into_service_error();
                        if e.is_no_such_key() {
                            Ok(None)
                        } else {
                            Err(s3_err(e))
                        }
                    }
                }
            }
        }
    }

    pub async fn delete(&self, key: &str) -> Result<(), StorageError> {
        match self {
            ObjectStore::Local { root } => {
                match tokio::fs::remove_file(Self::local_path(root, key)?).await {
                    Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
                    _ => Ok(()),
                }
            }
            ObjectStore::S3 { client, bucket } => {
                client
                    .delete_object()
                    .bucket(bucket)
                    .key(key)
                    .send()
                    .await
                    .map_err(|e| s3_err(e.into_service_error()))?;
                Ok(())
            }
        }
    }
}

/// Where an analysis keeps its files.
pub fn analysis_key(id: uuid::Uuid, name: &str) -> String {
    format!("analyses/{id}/{name}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn local_store_round_trips_and_refuses_escapes() {
        let dir = std::env::temp_dir().join(format!("dermis-store-{}", uuid::Uuid::new_v4()));
        let store = ObjectStore::local(&dir);
        store
            .put("analyses/x/a.png", vec![1, 2, 3], "image/png")
            .await
            .unwrap();
        assert_eq!(
            store.get("analyses/x/a.png").await.unwrap(),
            Some(vec![1, 2, 3])
        );
        assert_eq!(store.get("analyses/x/missing.png").await.unwrap(), None);
        assert!(matches!(
            store.put("../evil", vec![], "x").await,
            Err(StorageError::BadKey(_))
        ));
        assert!(matches!(
            store.get("/etc/passwd").await,
            Err(StorageError::BadKey(_))
        ));
        std::fs::remove_dir_all(dir).ok();
    }
}

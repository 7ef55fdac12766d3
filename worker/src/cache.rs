//! The build cache: content-addressed entries keyed by action id (each package's
//! compile, the type world before a package, the link), each tagged with the
//! target it was built for, verified by SHA-256 whenever they are read, evicted
//! least recently used first above a size cap. `TargetStore` is the driver's
//! `cache::Store` over it for one target. Sans-IO: the worker's adapter persists it in IndexedDB by applying the
//! `StoreOp`s the cache emits, and hands back what IndexedDB held at start-up to
//! `restore`.

use std::collections::BTreeMap;

use base::sha256::{hex, sha256};
use protocol::CacheStats;

/// The size cap: entries beyond it are evicted, least recently used first.
pub const DEFAULT_CAP: u64 = 64 << 20;

/// An entry as it is stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stored {
    /// The action id (64 hex digits).
    pub key: String,
    /// The SHA-256 of `bytes`, in hex, as written.
    pub sha256: String,
    /// The target (`GOOS/GOARCH`) it was built for.
    pub target: String,
    pub bytes: Vec<u8>,
    /// The cache's clock when the entry was last used.
    pub used: u64,
}

/// A change to make to the persistent store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreOp {
    Put(Stored),
    /// Record a use (for eviction order).
    Touch {
        key: String,
        used: u64,
    },
    Delete {
        key: String,
    },
    Clear,
}

#[derive(Debug)]
pub struct Cache {
    entries: BTreeMap<String, Stored>,
    clock: u64,
    cap: u64,
    stats: CacheStats,
    ops: Vec<StoreOp>,
}

impl Default for Cache {
    fn default() -> Self {
        Cache::with_cap(DEFAULT_CAP)
    }
}

impl Cache {
    pub fn with_cap(cap: u64) -> Cache {
        Cache { entries: BTreeMap::new(), clock: 0, cap, stats: CacheStats::default(), ops: Vec::new() }
    }

    pub fn stats(&self) -> CacheStats {
        self.stats.clone()
    }

    /// Takes in what the store held; entries whose bytes do not match their digest
    /// (or that are malformed) are dropped and deleted from the store.
    pub fn restore(&mut self, stored: Vec<Stored>) {
        for s in stored {
            let valid = s.key.len() == 64
                && s.key.bytes().all(|b| b.is_ascii_hexdigit())
                && hex(&sha256(&s.bytes)) == s.sha256;
            if !valid {
                self.stats.corrupt += 1;
                self.ops.push(StoreOp::Delete { key: s.key });
                continue;
            }
            self.clock = self.clock.max(s.used + 1);
            self.entries.insert(s.key.clone(), s);
        }
        self.recount();
        self.evict();
    }

    /// The bytes stored for `key`, if present and intact. A corrupt entry is
    /// removed and counts as a miss.
    pub fn get(&mut self, key: &str) -> Option<Vec<u8>> {
        let intact = self.entries.get(key).map(|e| hex(&sha256(&e.bytes)) == e.sha256);
        match intact {
            Some(true) => {
                self.stats.hits += 1;
                self.clock += 1;
                let used = self.clock;
                let e = self.entries.get_mut(key)?;
                e.used = used;
                self.ops.push(StoreOp::Touch { key: key.to_owned(), used });
                Some(e.bytes.clone())
            }
            Some(false) => {
                self.stats.corrupt += 1;
                self.stats.misses += 1;
                self.entries.remove(key);
                self.ops.push(StoreOp::Delete { key: key.to_owned() });
                self.recount();
                None
            }
            None => {
                self.stats.misses += 1;
                None
            }
        }
    }

    pub fn put(&mut self, key: &str, target: &str, bytes: Vec<u8>) {
        self.clock += 1;
        let s = Stored {
            key: key.to_owned(),
            sha256: hex(&sha256(&bytes)),
            target: target.to_owned(),
            bytes,
            used: self.clock,
        };
        self.ops.push(StoreOp::Put(s.clone()));
        self.entries.insert(key.to_owned(), s);
        self.recount();
        self.evict();
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.stats = CacheStats::default();
        self.ops.push(StoreOp::Clear);
    }

    /// Removes the entries of one target.
    pub fn clear_target(&mut self, target: &str) {
        let keys: Vec<String> =
            self.entries.values().filter(|e| e.target == target).map(|e| e.key.clone()).collect();
        for key in keys {
            self.entries.remove(&key);
            self.ops.push(StoreOp::Delete { key });
        }
        self.recount();
    }

    /// The changes to persist since the last call.
    pub fn take_ops(&mut self) -> Vec<StoreOp> {
        std::mem::take(&mut self.ops)
    }

    fn recount(&mut self) {
        self.stats.entries = self.entries.len() as u32;
        self.stats.bytes = self.entries.values().map(|e| e.bytes.len() as u64).sum();
        let mut targets: BTreeMap<&str, (u32, u64)> = BTreeMap::new();
        for e in self.entries.values() {
            let t = targets.entry(&e.target).or_default();
            t.0 += 1;
            t.1 += e.bytes.len() as u64;
        }
        self.stats.targets = targets
            .into_iter()
            .map(|(target, (entries, bytes))| protocol::TargetCache {
                target: target.to_owned(),
                entries,
                bytes,
            })
            .collect();
    }

    /// Drops least recently used entries while the total is over the cap (the
    /// newest entry always stays).
    fn evict(&mut self) {
        while self.stats.bytes > self.cap && self.entries.len() > 1 {
            let Some(oldest) = self.entries.values().min_by_key(|e| e.used).map(|e| e.key.clone()) else {
                break;
            };
            self.entries.remove(&oldest);
            self.stats.evicted += 1;
            self.ops.push(StoreOp::Delete { key: oldest });
            self.recount();
        }
    }
}

/// The driver's store for the builds of one target: entries keyed by the
/// action ID in hex and tagged with the target.
#[derive(Debug)]
pub struct TargetStore<'c> {
    pub cache: &'c mut Cache,
    pub target: String,
}

impl cache::Store for TargetStore<'_> {
    fn get(&mut self, action: &cache::Id) -> Option<Vec<u8>> {
        self.cache.get(&hex(action))
    }

    fn put(&mut self, action: &cache::Id, output: &[u8]) {
        self.cache.put(&hex(action), &self.target, output.to_vec());
    }
}

// IndexedDB persistence for the compiler worker's build cache (database
// "crossplay", object store "builds", one record {key, sha256, target, bytes,
// used} per action id: a package's compile, a type world, a link). The worker loads every record at start-up and verifies each; it then
// sends the changes its cache makes, which are applied here in order.
'use strict';
self.crossplayCache = (() => {
  const DB = 'crossplay', STORE = 'builds';
  let opened;
  const db = () => opened || (opened = new Promise((resolve, reject) => {
    const r = indexedDB.open(DB, 1);
    r.onupgradeneeded = () => r.result.createObjectStore(STORE);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  }));
  const tx = (mode, fn) => db().then((d) => new Promise((resolve, reject) => {
    const t = d.transaction(STORE, mode);
    const req = fn(t.objectStore(STORE));
    t.oncomplete = () => resolve(req && req.result);
    t.onerror = () => reject(t.error);
    t.onabort = () => reject(t.error);
  }));
  let queue = Promise.resolve();
  const apply1 = (op) => {
    switch (op.op) {
      case 'put': return tx('readwrite', (s) => s.put({ key: op.key, sha256: op.sha256, target: op.target, bytes: op.bytes, used: op.used }, op.key));
      case 'touch': return tx('readwrite', (s) => {
        const g = s.get(op.key);
        g.onsuccess = () => { if (g.result) { g.result.used = op.used; s.put(g.result, op.key); } };
      });
      case 'delete': return tx('readwrite', (s) => s.delete(op.key));
      case 'clear': return tx('readwrite', (s) => s.clear());
    }
    return Promise.resolve();
  };
  return {
    // Every record, or [] when IndexedDB is unavailable.
    load: () => tx('readonly', (s) => s.getAll()).catch((e) => { console.warn('crossplay: no build cache:', e); return []; }),
    apply: (ops) => {
      for (const op of ops) queue = queue.then(() => apply1(op)).catch((e) => console.warn('crossplay: cache write failed:', e));
      return queue;
    },
  };
})();

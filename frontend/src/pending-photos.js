// Class photos chosen but not yet marked, kept in IndexedDB (per browser tab: sessionStorage holds the key) so they
// survive a trip to the sign-in page when the session has ended. They are deleted as soon as they are marked or
// discarded, and never leave the device except in the marking request itself.
const DB = 'rollcall';
const STORE = 'pending-photos';

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run(mode, action) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const result = action(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(result?.result);
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** @param photos [{name, blob}] prepared (upright, downscaled JPEG) photos */
export async function keepPhotos(classId, date, photos) {
  try {
    await run('readwrite', (store) => store.put({ date, photos, savedAt: Date.now() }, classId));
  } catch (error) {
    console.warn('could not keep the chosen photos', error); // private browsing: marking still works
  }
}

/** The photos kept for this class, if any: {date, photos: [{name, blob}]} */
export async function keptPhotos(classId) {
  try {
    return (await run('readonly', (store) => store.get(classId))) ?? null;
  } catch {
    return null;
  }
}

export async function forgetPhotos(classId) {
  try {
    await run('readwrite', (store) => store.delete(classId));
  } catch {
    // nothing kept
  }
}

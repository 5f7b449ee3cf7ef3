// Files served beside the app (the examples), fetched together.

/** The texts of `paths`, in order; rejects with a message naming the first that failed. */
export async function fetchTexts(paths) {
  return Promise.all(paths.map(async (path) => {
    let response;
    try {
      response = await fetch(path);
    } catch (e) {
      throw new Error(`${path}: the network failed`);
    }
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.text();
  }));
}

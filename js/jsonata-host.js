// ASL Playground's JSONata host: evaluates the JSONata expressions of Step Functions states with
// npm `jsonata` 2.0.6 plus the functions AWS Step Functions adds to it.
//
// Where it runs (the same file in both, so they cannot drift apart):
//   - the `asl` command's embedded QuickJS, evaluated as a global script right after
//     node_modules/jsonata/jsonata.js (whose UMD wrapper sets `globalThis.jsonata`);
//   - a Web Worker in the browser, after `importScripts` of the same jsonata.js.
// So it is a plain script that uses only ES2020 and the globals both have: no `require`, no DOM,
// no `crypto`, no `TextEncoder` (the hashes and the UTF-8 encoding are written out below).
//
// It defines `globalThis.__aslJsonata`:
//
//   evaluate(requestJson) -> Promise<string>   never rejects
//     request: {expressions: [string], bindings: {name: value}, now?: epoch ms,
//               seed?: [hi_u32, lo_u32], input?: any, standard?: bool, timelimit?: ms, depth?: n}
//     answer:  a JSON array, one entry per expression, in order:
//               {"value": json} | {"undefined": true} | {"unsupported": "function"}
//               | {"error": {"code", "message", "position": n|null, "token": s|null}}
//
//   check(expression) -> string   "null" when the expression compiles, else the error as JSON
//
// Error codes of our own (jsonata's are letters and four digits, e.g. T2001, S0201, D3120):
//   SF0001  $eval called: AWS Step Functions does not support it
//   SF0002  an argument of a Step Functions function is out of its domain
//           ($partition size, $range step or bounds, $hash algorithm, $random seed)
//   SF0003  $parse given a string that is not JSON
//   U1001   the time limit or depth limit was reached (as jsonata's own test harness reports it),
//           or the JavaScript stack overflowed
//   U0000   anything else that is not a jsonata error (a bug here or in jsonata)
(function (global) {
  'use strict';

  // jsonata.js encodes base64 with `window.btoa` or else Node's `global.Buffer`. A worker and
  // QuickJS have neither `window` nor `Buffer`, so give it the little of Buffer it uses
  // (binary strings to and from base64).
  installBufferShim(global);

  const CACHE_LIMIT = 1000;
  const RANGE_LIMIT = 10000000; // the same bound jsonata puts on its own [a..b] operator
  const TWO_32 = 4294967296;

  const STACK_OVERFLOW_MESSAGE =
    'Stack overflow error: Check for non-terminating recursive function.  Consider rewriting as tail-recursive.';
  const TIMEOUT_MESSAGE = 'Expression evaluation timeout: Check for infinite loop';

  // ---------------------------------------------------------------------------------------------
  // Errors

  /** An error shaped like jsonata's own, so it surfaces as an error entry with its code. */
  function jsonataError(code, message) {
    return { code, message };
  }

  function isStackOverflow(thrown) {
    if (!(thrown instanceof Error)) return false;
    // V8 and quickjs-ng throw RangeError "Maximum call stack size exceeded";
    // QuickJS throws InternalError "stack overflow".
    return /call stack|stack overflow|too much recursion/i.test(String(thrown.message));
  }

  function describeError(thrown) {
    const position = thrown && typeof thrown.position === 'number' && isFinite(thrown.position) ? thrown.position : null;
    const token = thrown && thrown.token !== undefined && thrown.token !== null ? String(thrown.token) : null;
    if (thrown && typeof thrown === 'object' && typeof thrown.code === 'string') {
      const message = typeof thrown.message === 'string' && thrown.message ? thrown.message : thrown.code;
      return { code: thrown.code, message, position, token };
    }
    if (isStackOverflow(thrown)) {
      return { code: 'U1001', message: STACK_OVERFLOW_MESSAGE, position, token };
    }
    return { code: 'U0000', message: describeJsError(thrown), position, token };
  }

  function describeJsError(thrown) {
    if (thrown instanceof Error) return (thrown.name || 'Error') + ': ' + thrown.message;
    try {
      const text = JSON.stringify(thrown);
      return text === undefined ? String(thrown) : text;
    } catch (e) {
      return String(thrown);
    }
  }

  function errorEntry(thrown) {
    return JSON.stringify({ error: describeError(thrown) });
  }

  // ---------------------------------------------------------------------------------------------
  // Results

  /** jsonata lambdas and native functions are objects with a marker; regex literals and
   *  partial applications are JavaScript functions. */
  function isFunctionValue(value) {
    return (
      typeof value === 'function' ||
      (value !== null &&
        typeof value === 'object' &&
        (value._jsonata_lambda === true || value._jsonata_function === true))
    );
  }

  /** One answer entry as JSON text. JSON.stringify turns jsonata sequences (arrays with extra
   *  properties) into plain arrays; functions nested inside a value follow JSON.stringify's rules
   *  (dropped from objects, null in arrays). */
  function resultEntry(result) {
    if (result === undefined) return '{"undefined":true}';
    if (isFunctionValue(result)) return '{"unsupported":"function"}';
    const text = JSON.stringify(result);
    if (text === undefined) return '{"undefined":true}';
    return '{"value":' + text + '}';
  }

  // ---------------------------------------------------------------------------------------------
  // UTF-8 (there is no TextEncoder in QuickJS)

  /** The UTF-8 bytes of a string; a lone surrogate becomes U+FFFD, as TextEncoder does. */
  function utf8Bytes(text) {
    const bytes = [];
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
          i++;
        }
      }
      if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
      if (code < 0x80) {
        bytes.push(code);
      } else if (code < 0x800) {
        bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
      } else if (code < 0x10000) {
        bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
      } else {
        bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
      }
    }
    return bytes;
  }

  // ---------------------------------------------------------------------------------------------
  // Hashes: MD5 (RFC 1321), SHA-1 and SHA-2 (FIPS 180-4), on arrays of bytes.
  // Words are 32-bit integers; SHA-512's 64-bit words are pairs of them (high, low), which is
  // much faster than BigInt arithmetic in QuickJS.

  const rotl = (x, n) => (x << n) | (x >>> (32 - n));
  const rotr = (x, n) => (x >>> n) | (x << (32 - n));
  const u32 = (x) => x >>> 0;

  /** Merkle–Damgård padding: a 1 bit, zeros, then the message length in bits filling the last
   *  `lengthBytes` bytes of a `blockBytes` block (little-endian for MD5, big-endian for SHA). */
  function pad(bytes, blockBytes, lengthBytes, littleEndian) {
    const bitLength = bytes.length * 8;
    const padded = bytes.slice();
    padded.push(0x80);
    while ((padded.length + lengthBytes) % blockBytes !== 0) padded.push(0);
    const length = new Array(lengthBytes).fill(0);
    const low = bitLength % TWO_32;
    const high = Math.floor(bitLength / TWO_32);
    for (let i = 0; i < 4; i++) {
      length[i] = (low >>> (8 * i)) & 0xff;
      length[4 + i] = (high >>> (8 * i)) & 0xff;
    }
    if (!littleEndian) length.reverse();
    return padded.concat(length);
  }

  function wordsBigEndian(bytes) {
    const words = [];
    for (let i = 0; i < bytes.length; i += 4) {
      words.push((bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3]);
    }
    return words;
  }

  function wordsLittleEndian(bytes) {
    const words = [];
    for (let i = 0; i < bytes.length; i += 4) {
      words.push(bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24));
    }
    return words;
  }

  function hex(words, littleEndian) {
    let out = '';
    for (const word of words) {
      for (let i = 0; i < 4; i++) {
        const shift = littleEndian ? 8 * i : 24 - 8 * i;
        out += ((word >>> shift) & 0xff).toString(16).padStart(2, '0');
      }
    }
    return out;
  }

  // floor(2^32 * |sin(i + 1)|), written out rather than computed so no engine's Math.sin matters.
  const MD5_T = [
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
  ];
  const MD5_SHIFTS = [
    [7, 12, 17, 22],
    [5, 9, 14, 20],
    [4, 11, 16, 23],
    [6, 10, 15, 21],
  ];

  function md5(bytes) {
    const m = wordsLittleEndian(pad(bytes, 64, 8, true));
    const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
    for (let block = 0; block < m.length; block += 16) {
      let [a, b, c, d] = h;
      for (let i = 0; i < 64; i++) {
        let f, g;
        if (i < 16) {
          f = (b & c) | (~b & d);
          g = i;
        } else if (i < 32) {
          f = (d & b) | (~d & c);
          g = (5 * i + 1) % 16;
        } else if (i < 48) {
          f = b ^ c ^ d;
          g = (3 * i + 5) % 16;
        } else {
          f = c ^ (b | ~d);
          g = (7 * i) % 16;
        }
        const sum = (a + f + MD5_T[i] + m[block + g]) | 0;
        a = d;
        d = c;
        c = b;
        b = (b + rotl(sum, MD5_SHIFTS[i >> 4][i & 3])) | 0;
      }
      h[0] = (h[0] + a) | 0;
      h[1] = (h[1] + b) | 0;
      h[2] = (h[2] + c) | 0;
      h[3] = (h[3] + d) | 0;
    }
    return hex(h, true);
  }

  function sha1(bytes) {
    const m = wordsBigEndian(pad(bytes, 64, 8, false));
    const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
    const w = new Array(80);
    for (let block = 0; block < m.length; block += 16) {
      for (let t = 0; t < 80; t++) {
        w[t] = t < 16 ? m[block + t] : rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
      }
      let [a, b, c, d, e] = h;
      for (let t = 0; t < 80; t++) {
        let f, k;
        if (t < 20) {
          f = (b & c) | (~b & d);
          k = 0x5a827999;
        } else if (t < 40) {
          f = b ^ c ^ d;
          k = 0x6ed9eba1;
        } else if (t < 60) {
          f = (b & c) | (b & d) | (c & d);
          k = 0x8f1bbcdc;
        } else {
          f = b ^ c ^ d;
          k = 0xca62c1d6;
        }
        const temp = (rotl(a, 5) + f + e + k + w[t]) | 0;
        e = d;
        d = c;
        c = rotl(b, 30);
        b = a;
        a = temp;
      }
      h[0] = (h[0] + a) | 0;
      h[1] = (h[1] + b) | 0;
      h[2] = (h[2] + c) | 0;
      h[3] = (h[3] + d) | 0;
      h[4] = (h[4] + e) | 0;
    }
    return hex(h, false);
  }

  // The SHA-2 constants are, by definition, the leading bits of the fractional parts of the square
  // roots (initial hash values) and cube roots (round constants) of the first primes. Computing
  // them exactly with BigInt, once, is shorter and easier to check than 200 hex literals.

  function firstPrimes(count) {
    const primes = [];
    for (let n = 2; primes.length < count; n++) {
      if (primes.every((p) => n % p !== 0)) primes.push(n);
    }
    return primes;
  }

  /** floor(n^(1/k)) for a BigInt n >= 0, by Newton's method from above. */
  function integerRoot(n, k) {
    if (n < 2n) return n;
    const kBig = BigInt(k);
    let x = 1n << BigInt(Math.ceil(n.toString(2).length / k));
    for (;;) {
      const next = ((kBig - 1n) * x + n / x ** (kBig - 1n)) / kBig;
      if (next >= x) return x;
      x = next;
    }
  }

  /** The first `bits` bits of the fractional part of prime^(1/root), as a BigInt. */
  function rootFraction(prime, root, bits) {
    const scaled = integerRoot(BigInt(prime) << BigInt(root * bits), root);
    return scaled & ((1n << BigInt(bits)) - 1n);
  }

  /** 64-bit BigInts as the [high, low] pairs of 32-bit words the SHA-512 code works on. */
  function splitWords(values) {
    const words = { hi: [], lo: [] };
    for (const v of values) {
      words.hi.push(Number(v >> 32n) | 0);
      words.lo.push(Number(v & 0xffffffffn) | 0);
    }
    return words;
  }

  let sha2Constants = null;
  function sha2() {
    if (!sha2Constants) {
      const primes = firstPrimes(80);
      sha2Constants = {
        k256: primes.slice(0, 64).map((p) => Number(rootFraction(p, 3, 32)) | 0),
        iv256: primes.slice(0, 8).map((p) => Number(rootFraction(p, 2, 32)) | 0),
        k512: splitWords(primes.map((p) => rootFraction(p, 3, 64))),
        iv512: splitWords(primes.slice(0, 8).map((p) => rootFraction(p, 2, 64))),
        iv384: splitWords(primes.slice(8, 16).map((p) => rootFraction(p, 2, 64))),
      };
    }
    return sha2Constants;
  }

  function sha256(bytes) {
    const k = sha2().k256;
    const m = wordsBigEndian(pad(bytes, 64, 8, false));
    const h = sha2().iv256.slice();
    const w = new Array(64);
    for (let block = 0; block < m.length; block += 16) {
      for (let t = 0; t < 64; t++) {
        if (t < 16) {
          w[t] = m[block + t];
        } else {
          const s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >>> 3);
          const s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >>> 10);
          w[t] = (w[t - 16] + s0 + w[t - 7] + s1) | 0;
        }
      }
      let [a, b, c, d, e, f, g, hh] = h;
      for (let t = 0; t < 64; t++) {
        const sigma1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
        const choice = (e & f) ^ (~e & g);
        const t1 = (hh + sigma1 + choice + k[t] + w[t]) | 0;
        const sigma0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
        const majority = (a & b) ^ (a & c) ^ (b & c);
        const t2 = (sigma0 + majority) | 0;
        hh = g;
        g = f;
        f = e;
        e = (d + t1) | 0;
        d = c;
        c = b;
        b = a;
        a = (t1 + t2) | 0;
      }
      [a, b, c, d, e, f, g, hh].forEach((v, i) => {
        h[i] = (h[i] + v) | 0;
      });
    }
    return hex(h, false);
  }

  // 64-bit helpers on (high, low) halves. Rotations by n in (0, 64), n != 32; shifts by n < 32.
  function rotrHi(hi, lo, n) {
    return n < 32 ? (hi >>> n) | (lo << (32 - n)) : (lo >>> (n - 32)) | (hi << (64 - n));
  }
  function rotrLo(hi, lo, n) {
    return n < 32 ? (lo >>> n) | (hi << (32 - n)) : (hi >>> (n - 32)) | (lo << (64 - n));
  }
  /** SHA-512's Σ (three rotations) and σ (two rotations and a shift), high half. */
  function mixHi(hi, lo, r1, r2, r3, lastIsShift) {
    return rotrHi(hi, lo, r1) ^ rotrHi(hi, lo, r2) ^ (lastIsShift ? hi >>> r3 : rotrHi(hi, lo, r3));
  }
  /** The same, low half. */
  function mixLo(hi, lo, r1, r2, r3, lastIsShift) {
    const last = lastIsShift ? (lo >>> r3) | (hi << (32 - r3)) : rotrLo(hi, lo, r3);
    return rotrLo(hi, lo, r1) ^ rotrLo(hi, lo, r2) ^ last;
  }
  /** The high half of a 64-bit sum, given the sum of the high halves and the sum of the
   *  (unsigned) low halves; both sums are exact doubles, a few 32-bit terms being far below 2^53. */
  function carryHigh(highSum, lowSum) {
    return (highSum + Math.floor(lowSum / TWO_32)) | 0;
  }

  function sha512Family(bytes, iv, outputWords) {
    const { hi: kHi, lo: kLo } = sha2().k512;
    const m = wordsBigEndian(pad(bytes, 128, 16, false));
    const stateHi = iv.hi.slice();
    const stateLo = iv.lo.slice();
    const wHi = new Array(80);
    const wLo = new Array(80);
    for (let block = 0; block < m.length; block += 32) {
      for (let t = 0; t < 80; t++) {
        if (t < 16) {
          wHi[t] = m[block + 2 * t];
          wLo[t] = m[block + 2 * t + 1];
          continue;
        }
        const s0Hi = mixHi(wHi[t - 15], wLo[t - 15], 1, 8, 7, true);
        const s0Lo = mixLo(wHi[t - 15], wLo[t - 15], 1, 8, 7, true);
        const s1Hi = mixHi(wHi[t - 2], wLo[t - 2], 19, 61, 6, true);
        const s1Lo = mixLo(wHi[t - 2], wLo[t - 2], 19, 61, 6, true);
        const low = u32(s1Lo) + u32(wLo[t - 7]) + u32(s0Lo) + u32(wLo[t - 16]);
        wHi[t] = carryHigh(s1Hi + wHi[t - 7] + s0Hi + wHi[t - 16], low);
        wLo[t] = low | 0;
      }

      let [aHi, bHi, cHi, dHi, eHi, fHi, gHi, hHi] = stateHi;
      let [aLo, bLo, cLo, dLo, eLo, fLo, gLo, hLo] = stateLo;
      for (let t = 0; t < 80; t++) {
        const sigma1Hi = mixHi(eHi, eLo, 14, 18, 41, false);
        const sigma1Lo = mixLo(eHi, eLo, 14, 18, 41, false);
        const choiceHi = (eHi & fHi) ^ (~eHi & gHi);
        const choiceLo = (eLo & fLo) ^ (~eLo & gLo);
        const t1Low = u32(hLo) + u32(sigma1Lo) + u32(choiceLo) + u32(kLo[t]) + u32(wLo[t]);
        const t1Hi = carryHigh(hHi + sigma1Hi + choiceHi + kHi[t] + wHi[t], t1Low);
        const t1Lo = t1Low | 0;

        const sigma0Hi = mixHi(aHi, aLo, 28, 34, 39, false);
        const sigma0Lo = mixLo(aHi, aLo, 28, 34, 39, false);
        const majorityHi = (aHi & bHi) ^ (aHi & cHi) ^ (bHi & cHi);
        const majorityLo = (aLo & bLo) ^ (aLo & cLo) ^ (bLo & cLo);
        const t2Low = u32(sigma0Lo) + u32(majorityLo);
        const t2Hi = carryHigh(sigma0Hi + majorityHi, t2Low);
        const t2Lo = t2Low | 0;

        hHi = gHi;
        hLo = gLo;
        gHi = fHi;
        gLo = fLo;
        fHi = eHi;
        fLo = eLo;
        const eLow = u32(dLo) + u32(t1Lo);
        eHi = carryHigh(dHi + t1Hi, eLow);
        eLo = eLow | 0;
        dHi = cHi;
        dLo = cLo;
        cHi = bHi;
        cLo = bLo;
        bHi = aHi;
        bLo = aLo;
        const aLow = u32(t1Lo) + u32(t2Lo);
        aHi = carryHigh(t1Hi + t2Hi, aLow);
        aLo = aLow | 0;
      }

      const workingHi = [aHi, bHi, cHi, dHi, eHi, fHi, gHi, hHi];
      const workingLo = [aLo, bLo, cLo, dLo, eLo, fLo, gLo, hLo];
      for (let i = 0; i < 8; i++) {
        const low = u32(stateLo[i]) + u32(workingLo[i]);
        stateHi[i] = carryHigh(stateHi[i] + workingHi[i], low);
        stateLo[i] = low | 0;
      }
    }
    const words = [];
    for (let i = 0; i < outputWords; i++) words.push(stateHi[i], stateLo[i]);
    return hex(words, false);
  }

  const HASHES = {
    MD5: md5,
    'SHA-1': sha1,
    'SHA-256': sha256,
    'SHA-384': (bytes) => sha512Family(bytes, sha2().iv384, 6),
    'SHA-512': (bytes) => sha512Family(bytes, sha2().iv512, 8),
  };

  // ---------------------------------------------------------------------------------------------
  // Randomness

  /** xoshiro128** (Blackman and Vigna), its state filled by SplitMix32 from the request's two seed
   *  words: small, fast with 32-bit integer arithmetic, and the same sequence in every engine. */
  function requestGenerator(seed) {
    let x = seed[0] | 0;
    const splitmix = () => {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return z ^ (z >>> 16);
    };
    x = splitmix() ^ seed[1]; // fold the second word in after the first has been mixed
    const s = [splitmix(), splitmix(), splitmix(), splitmix()];
    if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1; // the one state xoshiro cannot leave

    function nextWord() {
      const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
      const t = s[1] << 9;
      s[2] ^= s[0];
      s[3] ^= s[1];
      s[1] ^= s[2];
      s[0] ^= s[3];
      s[2] ^= t;
      s[3] = rotl(s[3], 11);
      return result;
    }

    return {
      nextWord,
      /** A double in [0, 1) with 53 random bits. */
      nextDouble() {
        const high = nextWord() >>> 5; // 27 bits
        const low = nextWord() >>> 6; // 26 bits
        return (high * 67108864 + low) / 9007199254740992;
      },
    };
  }

  function requestSeed(seed) {
    if (Array.isArray(seed) && seed.length === 2 && seed.every((w) => typeof w === 'number')) {
      return [seed[0] >>> 0, seed[1] >>> 0];
    }
    // No seed: results need not repeat, so any entropy will do.
    return [(Math.random() * TWO_32) >>> 0, (Math.random() * TWO_32) >>> 0];
  }

  /** An RFC 4122 version 4 UUID from 128 generated bits. */
  function uuidV4(generator) {
    const bytes = [];
    for (let i = 0; i < 4; i++) {
      const word = generator.nextWord();
      bytes.push(word >>> 24, (word >>> 16) & 0xff, (word >>> 8) & 0xff, word & 0xff);
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
    bytes[8] = (bytes[8] & 0x3f) | 0x80; // variant 10xx
    const h = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  /** `new java.util.Random(seed).nextDouble()`: a seeded $random draws what this engine's
   *  States.MathRandom draws for a seed, Java's generator (AWS does not document its own). */
  function javaSeededDouble(seed) {
    const multiplier = 0x5deece66dn;
    const mask = (1n << 48n) - 1n;
    let state = (seed ^ multiplier) & mask;
    const next = (bits) => {
      state = (state * multiplier + 0xbn) & mask;
      return state >> BigInt(48 - bits);
    };
    const high = next(26);
    const low = next(27);
    return Number((high << 27n) + low) / 9007199254740992;
  }

  /** Java's String.hashCode, so a string seed maps to a Java seed as a Java runtime would map it. */
  function javaStringHash(text) {
    let hash = 0;
    for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
    return hash;
  }

  function seededRandom(seed) {
    if (typeof seed === 'string') return javaSeededDouble(BigInt(javaStringHash(seed)));
    if (!isFinite(seed)) throw jsonataError('SF0002', 'The seed of $random must be a finite number or a string');
    // A Java long: the integer part, wrapped to 64 bits.
    return javaSeededDouble(BigInt.asIntN(64, BigInt(Math.trunc(seed))));
  }

  // ---------------------------------------------------------------------------------------------
  // Step Functions' functions

  function partition(array, size) {
    if (array === undefined) return undefined;
    if (!Number.isInteger(size) || size < 1) {
      throw jsonataError('SF0002', 'The size passed to $partition must be a positive integer, not ' + JSON.stringify(size));
    }
    const chunks = [];
    for (let i = 0; i < array.length; i += size) chunks.push(array.slice(i, i + size));
    return chunks;
  }

  function range(start, end, step) {
    if (start === undefined || end === undefined) return undefined;
    if (step === undefined) step = 1;
    for (const [name, value] of [['start', start], ['end', end], ['step', step]]) {
      if (!Number.isInteger(value)) {
        throw jsonataError('SF0002', 'The ' + name + ' of $range must be an integer, not ' + JSON.stringify(value));
      }
    }
    if (step === 0) throw jsonataError('SF0002', 'The step of $range must not be 0');
    const count = Math.max(0, Math.floor((end - start) / step) + 1);
    if (count > RANGE_LIMIT) {
      throw jsonataError('SF0002', '$range would make ' + count + ' numbers; at most ' + RANGE_LIMIT + ' are allowed');
    }
    const numbers = new Array(count);
    for (let i = 0; i < count; i++) numbers[i] = start + i * step;
    // A JSONata sequence, as AWS returns it: a range of one number is that number.
    Object.defineProperty(numbers, 'sequence', { value: true });
    return numbers;
  }

  function hash(data, algorithm) {
    if (data === undefined) return undefined;
    const digest = Object.prototype.hasOwnProperty.call(HASHES, algorithm) ? HASHES[algorithm] : null;
    if (!digest) {
      throw jsonataError(
        'SF0002',
        'The algorithm passed to $hash must be one of ' + Object.keys(HASHES).join(', ') + ', not ' + JSON.stringify(algorithm)
      );
    }
    return digest(utf8Bytes(data));
  }

  function parse(text) {
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text);
    } catch (e) {
      // Our own message rather than the engine's, so QuickJS and the browser say the same thing.
      const excerpt = text.length > 40 ? text.slice(0, 40) + '...' : text;
      throw jsonataError('SF0003', 'The string passed to $parse is not valid JSON: ' + JSON.stringify(excerpt));
    }
  }

  function refuseEval() {
    throw jsonataError(
      'SF0001',
      'The $eval function is not supported in AWS Step Functions; use $parse to read a JSON string'
    );
  }

  // ---------------------------------------------------------------------------------------------
  // Binding native functions
  //
  // A binding whose value is `{_jsonata_function: true, implementation, signature}` is called by
  // jsonata exactly like a built-in: arguments are checked against the parsed signature (with
  // jsonata's own T0410/T0412 errors and its undefined-in, undefined-out conventions), and the
  // error gets the call's position and the function's name. jsonata does not export its signature
  // parser, but registerFunction parses one, and evaluating `$f` hands back the definition. So the
  // signatures are parsed once, through a throwaway expression, and every request makes fresh
  // definitions around them (its own clock and generator) without touching any cached
  // expression's environment.

  const SIGNATURES = {
    partition: '<an:a>',
    range: '<nnn?:a<n>>',
    hash: '<ss:s>',
    parse: '<s:j>',
    uuid: '<:s>',
    seededRandom: '<(ns)?:n>',
    random: '<:n>',
    now: '<s?s?:s>',
    millis: '<:n>',
  };

  let libraryPromise = null;

  /** The parsed signatures and jsonata's own $fromMillis, fetched once. */
  function library() {
    if (!libraryPromise) {
      libraryPromise = loadLibrary();
      libraryPromise.catch(() => {
        libraryPromise = null; // let a later request try again
      });
    }
    return libraryPromise;
  }

  async function loadLibrary() {
    const signatures = {};
    for (const name of Object.keys(SIGNATURES)) {
      const probe = jsonataFactory()('$f');
      probe.registerFunction('f', () => undefined, SIGNATURES[name]);
      signatures[name] = (await probe.evaluate(undefined, {})).signature;
    }
    const fromMillis = await jsonataFactory()('$fromMillis').evaluate(undefined, {});
    return { signatures, fromMillis: fromMillis.implementation };
  }

  function jsonataFactory() {
    if (typeof global.jsonata !== 'function') {
      throw new Error('jsonata.js must be loaded before jsonata-host.js');
    }
    return global.jsonata;
  }

  /** The functions one request binds, by name (`$name` in expressions). */
  function requestFunctions(lib, request, generator) {
    const functions = {};
    const define = (name, implementation, signatureName) => {
      functions[name] = { _jsonata_function: true, implementation, signature: lib.signatures[signatureName || name] };
    };
    const standard = request.standard === true;
    const seeded = Array.isArray(request.seed);

    // The clock and the generator belong to the run, not to the function library: they apply in
    // standard mode too, so plain JSONata is just as reproducible.
    if (typeof request.now === 'number' && isFinite(request.now)) {
      const now = request.now;
      define('now', (picture, timezone) => lib.fromMillis(now, picture, timezone));
      define('millis', () => now);
    }
    if (standard) {
      if (seeded) define('random', () => generator.nextDouble());
      return functions;
    }

    define('partition', partition);
    define('range', range);
    define('hash', hash);
    define('parse', parse);
    define('uuid', () => uuidV4(generator));
    define('random', (seed) => (seed === undefined ? generator.nextDouble() : seededRandom(seed)), 'seededRandom');
    functions.eval = { _jsonata_function: true, implementation: refuseEval }; // any arguments: always refused
    return functions;
  }

  /** The bindings for `expr.evaluate`: our functions, then the request's values, which win (as a
   *  bound value shadows a built-in function in jsonata). Copied by defineProperty so a key named
   *  `__proto__` stays an ordinary binding. */
  function requestBindings(functions, values) {
    const bindings = {};
    for (const source of [functions, values || {}]) {
      for (const name of Object.keys(source)) {
        Object.defineProperty(bindings, name, { value: source[name], enumerable: true, writable: true, configurable: true });
      }
    }
    return bindings;
  }

  // ---------------------------------------------------------------------------------------------
  // Compiling

  // Compiled expressions by text, least recently used first. A cached expression's environment is
  // never changed (no assign, no registerFunction): everything per evaluation goes in bindings.
  const compiled = new Map();

  function compile(text) {
    if (typeof text !== 'string') throw jsonataError('U0000', 'An expression must be a string');
    return jsonataFactory()(text);
  }

  /** `{expr}` or `{error}` for an expression's text, cached. */
  function compileCached(text) {
    let entry = compiled.get(text);
    if (entry) {
      compiled.delete(text); // move to the most recently used end
    } else {
      try {
        entry = { expr: compile(text) };
      } catch (e) {
        entry = { error: e };
      }
    }
    compiled.set(text, entry);
    if (compiled.size > CACHE_LIMIT) compiled.delete(compiled.keys().next().value);
    return entry;
  }

  /** Limits as jsonata's own test harness sets them: hooks on every node's entry and exit count
   *  the depth and watch the clock (parallel calls, e.g. the items of an array constructor, are
   *  not nested, so they are not counted). The hooks go into the expression's environment, so the
   *  expression must be a fresh one. */
  function installLimits(expr, timelimit, depthLimit) {
    const started = Date.now();
    let depth = 0;
    const check = () => {
      if (depth > depthLimit) throw jsonataError('U1001', STACK_OVERFLOW_MESSAGE);
      if (Date.now() - started > timelimit) throw jsonataError('U1001', TIMEOUT_MESSAGE);
    };
    expr.assign(Symbol.for('jsonata.__evaluate_entry'), (node, input, environment) => {
      if (environment.isParallelCall) return;
      depth++;
      check();
    });
    expr.assign(Symbol.for('jsonata.__evaluate_exit'), (node, input, environment) => {
      if (environment.isParallelCall) return;
      depth--;
      check();
    });
  }

  function limitsOf(request) {
    const positive = (n) => typeof n === 'number' && n >= 0;
    if (!positive(request.timelimit) && !positive(request.depth)) return null;
    return {
      timelimit: positive(request.timelimit) ? request.timelimit : Infinity,
      depth: positive(request.depth) ? request.depth : Infinity,
    };
  }

  // ---------------------------------------------------------------------------------------------
  // The API

  async function evaluateOne(text, request, bindings, limits) {
    try {
      let expr;
      if (limits) {
        expr = compile(text);
        installLimits(expr, limits.timelimit, limits.depth);
      } else {
        const entry = compileCached(text);
        if (entry.error) return errorEntry(entry.error);
        expr = entry.expr;
      }
      const input = Object.prototype.hasOwnProperty.call(request, 'input') ? request.input : undefined;
      return resultEntry(await expr.evaluate(input, bindings));
    } catch (e) {
      return errorEntry(e);
    }
  }

  async function evaluate(requestJson) {
    let expressions = null;
    try {
      const request = JSON.parse(requestJson);
      if (!request || !Array.isArray(request.expressions)) {
        throw jsonataError('U0000', 'The request must be an object with an array of expressions');
      }
      expressions = request.expressions;
      const lib = await library();
      const generator = requestGenerator(requestSeed(request.seed));
      const bindings = requestBindings(requestFunctions(lib, request, generator), request.bindings);
      const limits = limitsOf(request);
      const entries = [];
      // In order, one at a time: the expressions share the request's generator, so the order of
      // draws (and with it every result) is fixed.
      for (const text of expressions) entries.push(await evaluateOne(text, request, bindings, limits));
      return '[' + entries.join(',') + ']';
    } catch (e) {
      // Only a malformed request or a failure to start gets here: answer every expression (or,
      // when there is no list of them, once) with the error.
      const entry = errorEntry(e);
      return '[' + (expressions ? expressions.map(() => entry) : [entry]).join(',') + ']';
    }
  }

  function check(expression) {
    const entry = compileCached(expression);
    return JSON.stringify(entry.error ? describeError(entry.error) : null);
  }

  global.__aslJsonata = { evaluate, check };
  function installBufferShim(g) {
    if (typeof g.global === 'undefined') g.global = g;
    if (typeof g.Buffer !== 'undefined' || typeof g.window !== 'undefined') return;
    const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const toBase64 = (binary) => {
      let out = '';
      for (let i = 0; i < binary.length; i += 3) {
        const a = binary.charCodeAt(i) & 255;
        const b = i + 1 < binary.length ? binary.charCodeAt(i + 1) & 255 : -1;
        const c = i + 2 < binary.length ? binary.charCodeAt(i + 2) & 255 : -1;
        out += ALPHABET[a >> 2] + ALPHABET[((a & 3) << 4) | (b < 0 ? 0 : b >> 4)];
        out += b < 0 ? '=' : ALPHABET[((b & 15) << 2) | (c < 0 ? 0 : c >> 6)];
        out += c < 0 ? '=' : ALPHABET[c & 63];
      }
      return out;
    };
    const fromBase64 = (text) => {
      const clean = String(text).replace(/[^A-Za-z0-9+/]/g, '');
      let out = '';
      let bits = 0;
      let value = 0;
      for (const ch of clean) {
        value = (value << 6) | ALPHABET.indexOf(ch);
        bits += 6;
        if (bits >= 8) {
          bits -= 8;
          out += String.fromCharCode((value >> bits) & 255);
        }
      }
      return out;
    };
    // jsonata calls it as `new global.Buffer.from(...)`, so `from` must be a constructor; it
    // returns a plain object, which `new` then gives back.
    g.Buffer = {
      from: function from(str, encoding) {
        const binary = encoding === 'base64' ? fromBase64(str) : String(str);
        return { toString: (to) => (to === 'base64' ? toBase64(binary) : binary) };
      },
    };
  }
})(globalThis);

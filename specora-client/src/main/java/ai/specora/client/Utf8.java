package ai.specora.client;

/**
 * Checks that bytes are well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates,
 * nothing above U+10FFFF, no truncated sequence. It reads the bytes in place and
 * allocates nothing, so every response body can be checked before it is decoded.
 */
final class Utf8 {

	private Utf8() {
	}

	/**
	 * Tells whether the bytes are well-formed UTF-8.
	 * @param bytes the bytes
	 * @return {@code true} when every sequence is well formed
	 */
	static boolean isWellFormed(byte[] bytes) {
		int i = 0;
		int length = bytes.length;
		while (i < length) {
			int b = bytes[i] & 0xff;
			if (b < 0x80) {
				i++;
				continue;
			}
			int trailing;
			int min;
			int max;
			if (b >= 0xc2 && b <= 0xdf) {
				trailing = 1;
				min = 0x80;
				max = 0xbf;
			}
			else if (b >= 0xe0 && b <= 0xef) {
				trailing = 2;
				// E0 needs A0..BF (no overlong form); ED needs 80..9F (no surrogate)
				min = (b == 0xe0) ? 0xa0 : 0x80;
				max = (b == 0xed) ? 0x9f : 0xbf;
			}
			else if (b >= 0xf0 && b <= 0xf4) {
				trailing = 3;
				// F0 needs 90..BF (no overlong form); F4 needs 80..8F (nothing above U+10FFFF)
				min = (b == 0xf0) ? 0x90 : 0x80;
				max = (b == 0xf4) ? 0x8f : 0xbf;
			}
			else {
				return false;
			}
			if (i + trailing >= length) {
				return false;
			}
			int second = bytes[i + 1] & 0xff;
			if (second < min || second > max) {
				return false;
			}
			for (int k = 2; k <= trailing; k++) {
				int next = bytes[i + k] & 0xff;
				if (next < 0x80 || next > 0xbf) {
					return false;
				}
			}
			i += trailing + 1;
		}
		return true;
	}

}

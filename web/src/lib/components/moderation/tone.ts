/**
 * A short, gentle two-note chime made in code with the Web Audio API (no sound file). Browsers
 * only play sound after someone has clicked or pressed a key on the page; `prime()` is called from
 * such a gesture so later alerts can sound.
 */
let ctx: AudioContext | null = null;

function context(): AudioContext | null {
	if (typeof window === 'undefined' || !('AudioContext' in window)) return null;
	ctx ??= new AudioContext();
	return ctx;
}

/** Call from a click or key press: lets later alerts play. */
export function prime() {
	const c = context();
	if (c && c.state === 'suspended') void c.resume();
}

/** Two soft notes (urgent concerns: three). Quiet enough for an office, clear enough to notice. */
export function chime(urgent = false) {
	const c = context();
	if (!c) return;
	if (c.state === 'suspended') void c.resume();
	const notes = urgent ? [880, 660, 880] : [660, 880];
	const start = c.currentTime + 0.02;
	notes.forEach((freq, i) => {
		const osc = c.createOscillator();
		const gain = c.createGain();
		osc.type = 'sine';
		osc.frequency.value = freq;
		const t = start + i * 0.22;
		gain.gain.setValueAtTime(0.0001, t);
		gain.gain.exponentialRampToValueAtTime(0.18, t + 0.03);
		gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.2);
		osc.connect(gain).connect(c.destination);
		osc.start(t);
		osc.stop(t + 0.22);
	});
}

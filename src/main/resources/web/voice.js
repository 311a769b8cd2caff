// Spoken cues (the browser's own speech synthesis) and a chime (WebAudio), each with a switch
// remembered in localStorage. Browsers allow sound only after the person touched the page once;
// until then a call is simply not heard.
const KEYS = { voice: 'thrum.voice', chime: 'thrum.chime' };

export class Voice {
  constructor() {
    this.audio = null;
  }

  enabled(kind) { return localStorage.getItem(KEYS[kind]) !== 'off'; }

  setEnabled(kind, on) {
    localStorage.setItem(KEYS[kind], on ? 'on' : 'off');
    if (!on && kind === 'voice' && window.speechSynthesis) window.speechSynthesis.cancel();
  }

  // Replaces whatever is still being said: the newest cue is the one that matters.
  say(text) {
    if (!this.enabled('voice') || !window.speechSynthesis || !text) return;
    window.speechSynthesis.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.rate = 0.95;
    window.speechSynthesis.speak(utterance);
  }

  chime() {
    if (!this.enabled('chime')) return;
    try {
      this.audio = this.audio || new AudioContext();
      const now = this.audio.currentTime;
      for (const [i, freq] of [[0, 660], [1, 880]]) {
        const osc = this.audio.createOscillator();
        const gain = this.audio.createGain();
        osc.frequency.value = freq;
        gain.gain.setValueAtTime(0.0001, now + i * 0.18);
        gain.gain.exponentialRampToValueAtTime(0.25, now + i * 0.18 + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, now + i * 0.18 + 0.5);
        osc.connect(gain).connect(this.audio.destination);
        osc.start(now + i * 0.18);
        osc.stop(now + i * 0.18 + 0.55);
      }
    } catch (e) {
      // no audio device: the cue is still on screen
    }
  }

  // A touch unlocks audio for the rest of the page's life.
  unlock() {
    if (this.audio && this.audio.state === 'suspended') this.audio.resume();
  }
}

// AudioWorklet: microphone audio -> 16 kHz mono 16-bit PCM frames for the call websocket.
//
// Runs on the audio rendering thread. Each 128-sample render quantum is downmixed to mono,
// resampled from the context rate (`sampleRate`, usually 48000 or 44100) to `targetRate` with a
// windowed-sinc low-pass interpolator (no aliasing of 8-24 kHz content into speech band), and
// collected into `frameMs` frames of Int16 samples. Each full frame is posted to the main thread
// as {pcm: ArrayBuffer (transferred), peak: 0..1}.

const TABLE_STEPS = 64; // kernel table resolution: entries per input sample
const ZERO_CROSSINGS = 8; // sinc lobes kept on each side of the centre

class PcmCaptureProcessor extends AudioWorkletProcessor {
  constructor(options) {
    super();
    const opts = (options && options.processorOptions) || {};
    this.outRate = opts.targetRate || 16000;
    this.frameLength = Math.round((this.outRate * (opts.frameMs || 20)) / 1000);
    this.inRate = sampleRate; // global of AudioWorkletGlobalScope
    this.step = this.inRate / this.outRate; // input samples per output sample
    this.frame = new Int16Array(this.frameLength);
    this.fill = 0;
    this.peak = 0;
    this.mono = new Float32Array(128);
    this.passthrough = this.inRate === this.outRate;
    if (!this.passthrough) this.buildKernel();
  }

  buildKernel() {
    // cut-off just under the lower of the two Nyquist frequencies, in cycles per input sample
    const cutoff = 0.5 * Math.min(1, this.outRate / this.inRate) * 0.92;
    this.half = Math.ceil(ZERO_CROSSINGS / (2 * cutoff)); // kernel half-width in input samples
    const size = this.half * TABLE_STEPS + 2;
    this.table = new Float32Array(size);
    for (let i = 0; i < size; i++) {
      const x = i / TABLE_STEPS;
      if (x >= this.half) break;
      const arg = 2 * cutoff * x;
      const sinc = x === 0 ? 1 : Math.sin(Math.PI * arg) / (Math.PI * arg);
      const u = x / this.half; // Blackman window over [-half, half]
      const window = 0.42 + 0.5 * Math.cos(Math.PI * u) + 0.08 * Math.cos(2 * Math.PI * u);
      this.table[i] = 2 * cutoff * sinc * window;
    }
    // history of input samples; starts with `half` zeros so the first output is centred on sample 0
    this.buffer = new Float32Array(4096);
    this.length = this.half;
    this.position = this.half; // fractional index (into buffer) of the next output sample
  }

  append(samples, count) {
    if (this.length + count > this.buffer.length) {
      const grown = new Float32Array(Math.max(this.buffer.length * 2, this.length + count));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.buffer.set(samples.subarray(0, count), this.length);
    this.length += count;
  }

  emit(value) {
    const s = value > 1 ? 1 : value < -1 ? -1 : value;
    const magnitude = s < 0 ? -s : s;
    if (magnitude > this.peak) this.peak = magnitude;
    this.frame[this.fill++] = Math.round(s < 0 ? s * 32768 : s * 32767);
    if (this.fill === this.frameLength) {
      const pcm = this.frame.buffer;
      this.port.postMessage({ pcm, peak: this.peak }, [pcm]);
      this.frame = new Int16Array(this.frameLength);
      this.fill = 0;
      this.peak = 0;
    }
  }

  resample() {
    const { buffer, table, half, step } = this;
    while (this.position + half < this.length) {
      const base = Math.floor(this.position);
      const frac = this.position - base;
      let acc = 0;
      for (let k = 1 - half; k <= half; k++) {
        const distance = Math.abs(k - frac) * TABLE_STEPS;
        const i = distance | 0;
        if (i >= table.length - 1) continue;
        const weight = table[i] + (table[i + 1] - table[i]) * (distance - i);
        acc += buffer[base + k] * weight;
      }
      this.emit(acc);
      this.position += step;
    }
    // drop input no future output sample can reach
    const drop = Math.floor(this.position) - half;
    if (drop > 0) {
      buffer.copyWithin(0, drop, this.length);
      this.length -= drop;
      this.position -= drop;
    }
  }

  process(inputs) {
    const channels = inputs[0];
    if (!channels || channels.length === 0) return true; // no input connected yet
    const count = channels[0].length;
    if (this.mono.length !== count) this.mono = new Float32Array(count);
    const mono = this.mono;
    if (channels.length === 1) {
      mono.set(channels[0]);
    } else {
      mono.fill(0);
      for (const channel of channels) {
        for (let i = 0; i < count; i++) mono[i] += channel[i];
      }
      const scale = 1 / channels.length;
      for (let i = 0; i < count; i++) mono[i] *= scale;
    }
    if (this.passthrough) {
      for (let i = 0; i < count; i++) this.emit(mono[i]);
    } else {
      this.append(mono, count);
      this.resample();
    }
    return true;
  }
}

registerProcessor('pcm-capture', PcmCaptureProcessor);

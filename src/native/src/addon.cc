// The ciliumkit eBPF addon. Only src/bpf loads it; see src/bpf/native.ts for its typed surface.
#include "common.h"

namespace ck {

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  InitMap(env, exports);
  InitObject(env, exports);
  InitRingBuffer(env, exports);
  InitBtf(env, exports);
  InitSystem(env, exports);
  return exports;
}

}  // namespace ck

static Napi::Object InitAddon(Napi::Env env, Napi::Object exports) { return ck::Init(env, exports); }

NODE_API_MODULE(ciliumkit_bpf, InitAddon)

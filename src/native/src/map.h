// NativeMap: one BPF map file descriptor with the sizes the kernel reported for it.
// Every key and value length is checked against those sizes before a syscall, so a
// wrong Buffer from JS is a TypeError, never a kernel write past its end.
#pragma once

#include "common.h"

#include <bpf/bpf.h>

namespace ck {

// Where a dump continues: a hash map's batch cursor is a u32 bucket index, an array's a key,
// a walk's the last key; sized for all three.
inline size_t CursorLen(uint32_t keySize) { return keySize > 8 ? keySize : 8; }

// One batch into caller memory (room for `count` keys and values), on any thread. With
// `useBatch` one BPF_MAP_LOOKUP_BATCH; otherwise get-next-key + lookup per entry (maps without
// batch ops, e.g. LPM tries, or kernels before 5.6). `in` is the cursor to continue from (null:
// the start), `out` (CursorLen bytes) receives the next one. done: the map has no more entries;
// err: a positive errno (ENOSPC: one bucket holds more than `count` entries).
struct BatchRead {
  uint32_t got = 0;
  bool done = false;
  int err = 0;
};
BatchRead ReadBatch(int fd, bool useBatch, uint32_t keySize, uint32_t stride, const uint8_t* in, uint8_t* out,
                    uint8_t* keys, uint8_t* values, uint32_t count);

class NativeMap : public Napi::ObjectWrap<NativeMap> {
 public:
  static Napi::FunctionReference* constructor;
  static Napi::Function Define(Napi::Env env);
  // Wraps an fd the caller owns from now on; queries its info, closes it on failure.
  static Napi::Object FromFd(Napi::Env env, int fd, const std::string& op);

  explicit NativeMap(const Napi::CallbackInfo& info);
  ~NativeMap() override;

  // The fd for another native class (ring buffer); throws when closed.
  int FdOrThrow(Napi::Env env, const char* op) const;
  const bpf_map_info& Info() const { return info_; }
  uint32_t ValueStride() const { return valueStride_; }
  bool Closed() const { return closed_; }

  // Async batch work holds the fd; close waits for it instead of closing under it.
  void BeginWork() { pending_++; }
  void EndWork();

 private:
  Napi::Value GetInfo(const Napi::CallbackInfo& info);
  Napi::Value Lookup(const Napi::CallbackInfo& info);
  Napi::Value Update(const Napi::CallbackInfo& info);
  Napi::Value UpdateBatch(const Napi::CallbackInfo& info);
  Napi::Value Fd(const Napi::CallbackInfo& info);
  Napi::Value Delete(const Napi::CallbackInfo& info);
  Napi::Value NextKey(const Napi::CallbackInfo& info);
  Napi::Value LookupBatch(const Napi::CallbackInfo& info);
  Napi::Value Walk(const Napi::CallbackInfo& info);
  Napi::Value Reader(const Napi::CallbackInfo& info);
  Napi::Value StartBatch(const Napi::CallbackInfo& info, bool useBatch);
  Napi::Value Count(const Napi::CallbackInfo& info);
  Napi::Value Pin(const Napi::CallbackInfo& info);
  Napi::Value Close(const Napi::CallbackInfo& info);
  Napi::Value IsClosed(const Napi::CallbackInfo& info);

  void CheckKey(Napi::Env env, const Napi::Uint8Array& key) const;
  void CloseFd();

  int fd_ = -1;
  bpf_map_info info_{};
  uint32_t valueStride_ = 0;  // bytes one lookup writes: value_size, or round8(value_size) * possible CPUs
  int pending_ = 0;
  bool closed_ = false;  // closed for JS at once; the fd itself once pending_ work is done
};

// A MapReader over a dup of the map's fd (map_reader.cc); onReady() runs on the JS thread when a
// batch arrives that JS is waiting for.
Napi::Object NewMapReader(Napi::Env env, NativeMap* map, Napi::Object mapObject, bool useBatch, uint32_t count,
                          Napi::Function onReady);
void InitMapReader(Napi::Env env);

}  // namespace ck

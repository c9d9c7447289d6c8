// NativeMap: one BPF map file descriptor with the sizes the kernel reported for it.
// Every key and value length is checked against those sizes before a syscall, so a
// wrong Buffer from JS is a TypeError, never a kernel write past its end.
#pragma once

#include "common.h"

#include <bpf/bpf.h>

namespace ck {

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

  // Async batch work holds the fd; close waits for it instead of closing under it.
  void BeginWork() { pending_++; }
  void EndWork();

 private:
  Napi::Value GetInfo(const Napi::CallbackInfo& info);
  Napi::Value Lookup(const Napi::CallbackInfo& info);
  Napi::Value Update(const Napi::CallbackInfo& info);
  Napi::Value Delete(const Napi::CallbackInfo& info);
  Napi::Value NextKey(const Napi::CallbackInfo& info);
  Napi::Value LookupBatch(const Napi::CallbackInfo& info);
  Napi::Value Walk(const Napi::CallbackInfo& info);
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

}  // namespace ck

{
  # The eBPF addon: node-addon-api (C++ exceptions on) over the system libbpf.
  "targets": [
    {
      "target_name": "ciliumkit_bpf",
      "sources": [
        "src/addon.cc",
        "src/map.cc",
        "src/map_reader.cc",
        "src/object.cc",
        "src/ring_buffer.cc",
        "src/btf.cc",
        "src/system.cc"
      ],
      "dependencies": [
        "<!(node -p \"require('node-addon-api').targets\"):node_addon_api_except"
      ],
      "cflags": ["<!@(pkg-config --cflags libbpf)", "-Wall", "-Wextra", "-Wno-missing-field-initializers"],
      "cflags_cc": ["-std=c++17"],
      "libraries": ["<!@(pkg-config --libs libbpf)", "-lelf", "-lz", "-lpthread"],
      "defines": ["NAPI_VERSION=8"]
    }
  ]
}

# A new lab pack made by `coursekit lab new ${id}`: a page visit counter in Redis, to change into your lab.
# `coursekit lab check grader/labs/${id}` says what to fix, at its file and line, until it passes.
id: ${id}
title: "${id}"
package: ${package}
# What students write; the checks get its instances from io.coursekit.lab.check.AppServer.
student:
  class: ${package}.RedisVisitCounter
  constructor: "RedisVisitCounter(RedisCommands<String, String> redis)"
  redis:
    command_timeout_ms: 500
    auto_reconnect: false
limits:
  time_seconds: 60
  memory_mb: 256
  output_kib: 64
  compile_seconds: 10
checks:
  - id: visit-counts
    points: 10
    visibility: visible
    timeout_seconds: 5
    hint:
      ko: "visit를 세 번 부른 뒤 visits는 3이어야 합니다. Redis의 visits:{page} 키에 INCR 하세요."
      en: "After three calls of visit, visits must return 3: INCR the key visits:{page} in Redis."
  - id: shared-across-servers
    points: 10
    visibility: visible
    timeout_seconds: 5
    hint:
      ko: "다른 서버의 인스턴스가 방문 수를 못 봅니다. 필드가 아니라 Redis에 세세요."
      en: "An instance on another server does not see the count: keep it in Redis, not in a field."

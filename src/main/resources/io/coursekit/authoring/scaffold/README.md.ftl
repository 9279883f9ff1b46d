# ${id}

[한국어](#한국어) · [English](#english)

## 한국어

`src/main/java/${packagePath}/RedisVisitCounter.java`를 구현하세요. 페이지마다 방문 수를 Redis의 `visits:{page}` 키에 셉니다.
클래스 이름과 생성자는 그대로 두고, `VisitCounter`는 바꾸지 마세요.

스스로 채점하기: `java -jar coursekit.jar grade --lab ${id} .`

## English

Implement `src/main/java/${packagePath}/RedisVisitCounter.java`: count each page's visits in Redis under `visits:{page}`.
Keep the class name and constructor, and do not change `VisitCounter`.

Grade yourself: `java -jar coursekit.jar grade --lab ${id} .`
